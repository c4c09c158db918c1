// WeChat search may index the home and privacy pages only: the weapp build carries sitemap.json beside
// app.json, app.json points at it, and it names every other page (a rule's page takes no wildcard, so a
// new page that is not listed here would be indexed). Run `npm run build:weapp` first.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { DIST } from './environment'

interface Rule { action?: 'allow' | 'disallow'; page: string }
const read = <T>(file: string): T => JSON.parse(readFileSync(path.join(DIST, file), 'utf8')) as T

const app = read<{ pages: string[]; subPackages: { root: string; pages: string[] }[]; sitemapLocation?: string }>('app.json')
const pages = [...app.pages, ...app.subPackages.flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`))]

it('is where app.json says, and ends with the one allow-all rule', () => {
  expect(app.sitemapLocation).toBe('sitemap.json')
  const { rules } = read<{ rules: Rule[] }>('sitemap.json')
  expect(rules.at(-1)).toEqual({ action: 'allow', page: '*' })
  expect(rules.slice(0, -1).every((rule) => rule.action === 'disallow' && rule.page !== '*')).toBe(true)
})

it('keeps every page but the home and privacy pages out of WeChat search, staff, worker and reports pages included', () => {
  const { rules } = read<{ rules: Rule[] }>('sitemap.json')
  const disallowed = rules.filter((rule) => rule.action === 'disallow').map((rule) => rule.page)
  expect(disallowed.sort()).toEqual(pages.filter((page) => page !== 'pages/index/index' && page !== 'pages/privacy/index').sort())
  // Staff, worker and reports pages, in full, whatever pages the subpackages gain.
  for (const root of ['staff', 'worker', 'reports']) {
    const sub = app.subPackages.find((entry) => entry.root === root)
    expect(sub?.pages.every((page) => disallowed.includes(`${root}/${page}`))).toBe(true)
  }
})
