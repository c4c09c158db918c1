// The size checker of `npm run size`: it must fail, naming the package, when a budget is exceeded.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// app.json below is 93 bytes; the main package also holds a 3000-byte app.js (3093 bytes in all);
// the staff subpackage holds 5000 + 1000 bytes; a 9999-byte source map is not uploaded and is not counted.
const APP_JSON = '{"pages":["pages/index/index"],"subPackages":[{"root":"staff","pages":["evaluation/index"]}]}'

let dist: string
beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'weapp-size-'))
  writeFileSync(join(dist, 'app.json'), APP_JSON)
  writeFileSync(join(dist, 'app.js'), 'x'.repeat(3000))
  writeFileSync(join(dist, 'app.js.map'), 'x'.repeat(9999))
  mkdirSync(join(dist, 'staff', 'evaluation'), { recursive: true })
  writeFileSync(join(dist, 'staff', 'evaluation', 'index.js'), 'x'.repeat(5000))
  writeFileSync(join(dist, 'staff', 'evaluation', 'index.wxss'), 'x'.repeat(1000))
})
afterAll(() => rmSync(dist, { recursive: true, force: true }))

const size = (...args: string[]) =>
  spawnSync('node', ['scripts/size.mjs', '--dist', dist, ...args], { encoding: 'utf8' })

it('measures the main package, each subpackage and the total as WeChat counts them', () => {
  const r = size('--json')
  expect(r.status).toBe(0)
  expect(JSON.parse(r.stdout)).toEqual({ main: 3093, subpackages: { staff: 6000 }, total: 9093 })
})

it('passes a build within the default budgets (600 KB main, 400 KB each subpackage, 1.5 MB total)', () => {
  const r = size()
  expect(r.status).toBe(0)
  expect(r.stdout).toContain('within its budget')
})

it('fails naming the main package when its budget is lowered below 3093 bytes', () => {
  const r = size('--budget', 'main=3000')
  expect(r.status).toBe(1)
  expect(r.stderr).toContain('over budget: main package 3.0 KB > 2.9 KB')
})

it('fails naming the subpackage and the total when they are over', () => {
  const r = size('--budget', 'subpackage=5K,total=8K')
  expect(r.status).toBe(1)
  expect(r.stderr).toContain('subpackage staff 5.9 KB > 5.0 KB')
  expect(r.stderr).toContain('total 8.9 KB > 8.0 KB')
})
