// The weapp build (`npm run build:weapp`, run before the tests): WeChat's own schema accepts app.json and
// every page's json (miniprogram-ci's offline schemaValidate), the main package holds the resident path
// only, and staff pages live in a subpackage (DESIGN sections 4 and 7).
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

interface SchemaResult {
  warning: string
  error: { errorType: string; errorProperty: string }[]
}
interface MiniprogramCi {
  schemaValidate(kind: 'app' | 'page', json: unknown): SchemaResult
}
interface AppJson {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
}

const DIST = 'dist'
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'))

let app: AppJson
let ci: MiniprogramCi
beforeAll(() => {
  if (!existsSync(join(DIST, 'app.json'))) throw new Error('dist/app.json is missing: run npm run build:weapp first')
  app = readJson(join(DIST, 'app.json')) as AppJson
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined) // its banner
  ci = require('miniprogram-ci') as MiniprogramCi
  log.mockRestore()
})

const allPages = (): string[] => [
  ...app.pages,
  ...(app.subPackages ?? []).flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`)),
]

it("passes WeChat's app.json schema with no error and no unknown key", () => {
  expect(ci.schemaValidate('app', app)).toEqual({ warning: '', error: [] })
})

it("passes WeChat's page schema for every page", () => {
  for (const page of allPages()) {
    expect([page, ci.schemaValidate('page', readJson(join(DIST, `${page}.json`)))]).toEqual([page, { warning: '', error: [] }])
  }
})

it('keeps only the resident path (home, rating) in the main package', () => {
  expect(app.pages).toEqual(expect.arrayContaining(['pages/index/index', 'pages/rate/index', 'pages/mygrid/index']))
  // Every main-package page is a resident's (pages/...); worker and staff pages are subpackages.
  expect(app.pages.filter((page) => !page.startsWith('pages/'))).toEqual([])
})

it('puts the staff pages (evaluation, the scoring sheet) in a subpackage', () => {
  expect(app.subPackages).toEqual(
    expect.arrayContaining([expect.objectContaining({ root: 'staff', pages: expect.arrayContaining(['evaluation/index', 'sheet/index', 'posts/index']) })]),
  )
})

it('emits the four files WeChat needs for every page', () => {
  for (const page of allPages()) {
    for (const ext of ['js', 'json', 'wxml', 'wxss']) expect(existsSync(join(DIST, `${page}.${ext}`)) ? page : `${page}.${ext} missing`).toBe(page)
  }
})

it('tells DevTools where the build and the cloud functions are', () => {
  expect(readJson('project.config.json')).toMatchObject({ miniprogramRoot: 'dist/', cloudfunctionRoot: 'cloudfunctions/' })
})

it('ships nothing of the h5 runtime (no local X-Openid identity) in the mini-program', () => {
  const code = allPages().map((page) => readFileSync(join(DIST, `${page}.js`), 'utf8')).join('\n')
  const common = ['app.js', 'common.js', 'vendors.js', 'taro.js'].filter((f) => existsSync(join(DIST, f)))
  const all = code + common.map((f) => readFileSync(join(DIST, f), 'utf8')).join('\n')
  expect(all).not.toContain('X-Openid')
  expect(all).toContain('callFunction')
})
