// The two cloud functions' budgets (README: Budgets): `api` answers every rating, so its bundle stays
// <= 360 KB and loads cold in <= 150 ms, without the spreadsheet library (330: the staff workbench, the
// audit log in words and the city view took it past 300, loading cold in some 40 ms; 360: the service
// hall's rota, code and window feedback, some 30 KB, took it past 330; the moderation table and the
// reports of content then took it past 360 until the demo loader, used once per environment, moved
// into its own demo.js, loaded only by a setup that loads the demo); `files` carries exceljs for the
// few spreadsheet calls, with its own budget of <= 3 MB and <= 400 ms. Measured on the BUILT bundles,
// each required in a fresh process with wx-server-sdk stubbed (scripts/bench/coldRequire.ts).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { buildSync } from 'esbuild'
import { repositoryRoot } from '../cloudbase/realSdk'

const ROOT = repositoryRoot()
const KB = 1024
const API = path.join(ROOT, 'cloudfunctions/api/index.js')
const FILES = path.join(ROOT, 'cloudfunctions/files/index.js')

let coldRequire: string
beforeAll(() => {
  coldRequire = path.join(mkdtempSync(path.join(tmpdir(), 'cold-require-')), 'coldRequire.cjs')
  buildSync({ absWorkingDir: ROOT, entryPoints: ['scripts/bench/coldRequire.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: coldRequire, logLevel: 'warning' })
})

/** Median of five cold requires, in milliseconds. */
function coldRequireMs(bundle: string): number {
  const times = Array.from({ length: 5 }, () => {
    const run = spawnSync(process.execPath, [coldRequire, bundle], { cwd: ROOT, encoding: 'utf8' })
    if (run.status !== 0) throw new Error(run.stderr)
    return Number(run.stdout.trim())
  }).sort((a, b) => a - b)
  return times[2] ?? Infinity
}

it('keeps api within 360 KB and 150 ms cold, with no spreadsheet library and no demo in it', () => {
  expect(statSync(API).size).toBeLessThanOrEqual(360 * KB)
  const source = readFileSync(API, 'utf8')
  expect(source).not.toMatch(/exceljs|jszip/i)
  // The demo's workers (银泉社区's 刘建华 and the rest) are in demo.js beside it, loaded by import('./demo.js').
  expect(source).not.toMatch(/刘建华/)
  expect(source).toMatch(/import\("\.\/demo\.js"\)/)
  expect(readFileSync(path.join(path.dirname(API), 'demo.js'), 'utf8')).toMatch(/刘建华/)
  expect(coldRequireMs(API)).toBeLessThanOrEqual(150)
})

it('keeps files, exceljs inside, within 3 MB and 400 ms cold', () => {
  const source = readFileSync(FILES, 'utf8')
  expect(source).toMatch(/exceljs/)
  expect(source).not.toMatch(/require\(["']exceljs["']\)/)
  expect(statSync(FILES).size).toBeLessThanOrEqual(3 * KB * KB)
  expect(coldRequireMs(FILES)).toBeLessThanOrEqual(400)
})
