#!/usr/bin/env node
// `npm test`: every test of the project, in the order a failure is cheapest to find.
// 1. the browser prerequisites (Debian chromium + fonts-wqy-microhei), installed when we can;
// 2. the builds the tests exercise (weapp, h5, cloud function, local runtime), rebuilt when stale;
// 3. tsc --noEmit over everything; 4. jest (core, stores, handlers, HTTP, cloud entry, builds);
// 5. the browser test. Ends with one line "tests: N passed, N failed".
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { ensureBrowserPrerequisites } from './lib/browserPrereqs.mjs'

const root = new URL('..', import.meta.url).pathname
const startedAt = Date.now()
process.chdir(root)

function run(title, cmd, args, opts = {}) {
  console.log(`\n▶ ${title}: ${[cmd, ...args].join(' ')}`)
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: process.env, ...opts })
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed (exit ${result.status ?? result.signal})`)
    console.log(`tests: ${passed} passed, ${failed + 1} failed`)
    process.exit(1)
  }
}

/** Newest modification time below the given paths (files only). */
function newestMtime(paths) {
  let newest = 0
  const walk = (p) => {
    if (!existsSync(p)) return
    const s = statSync(p)
    if (s.isDirectory()) {
      for (const name of readdirSync(p)) if (name !== 'node_modules') walk(join(p, name))
    } else if (s.mtimeMs > newest) newest = s.mtimeMs
  }
  paths.forEach(walk)
  return newest
}

function isStale(output, inputs) {
  return !existsSync(output) || statSync(output).mtimeMs < newestMtime(inputs)
}

let passed = 0
let failed = 0

ensureBrowserPrerequisites()

const appInputs = ['src', 'config', 'babel.config.js', 'package-lock.json']
if (isStale('dist/app.json', appInputs)) run('build weapp', 'npm', ['run', 'build:weapp'])
if (isStale('dist-h5/index.html', appInputs)) run('build h5', 'npm', ['run', 'build:h5'])
run('build cloud function', 'npm', ['run', 'build:cloud'])
run('build local runtime', 'npm', ['run', 'build:server'])
run('type-check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'])

// The slowest suites, printed at the end of every run so the README's list can be checked against it.
let slowest = []
const jestDir = mkdtempSync(join(tmpdir(), 'jest-'))
const jestJson = join(jestDir, 'results.json')
const jest = spawnSync('npx', ['jest', '--json', `--outputFile=${jestJson}`], { stdio: 'inherit' })
if (existsSync(jestJson)) {
  const r = JSON.parse(readFileSync(jestJson, 'utf8'))
  passed += r.numPassedTests
  failed += r.numFailedTests + r.numRuntimeErrorTestSuites
  slowest = r.testResults
    .map((suite) => ({ file: relative(process.cwd(), suite.name), s: (suite.endTime - suite.startTime) / 1000 }))
    .sort((a, b) => b.s - a.s)
    .slice(0, 6)
}
rmSync(jestDir, { recursive: true, force: true })
if (jest.status !== 0) {
  console.log(`tests: ${passed} passed, ${Math.max(failed, 1)} failed`)
  process.exit(1)
}

const e2e = spawnSync('node', ['scripts/e2e.mjs'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
process.stdout.write(e2e.stdout ?? '')
const m = /(\d+) passed, (\d+) failed/.exec(e2e.stdout ?? '')
if (m) {
  passed += Number(m[1])
  failed += Number(m[2])
}
if (e2e.status !== 0 && (!m || Number(m[2]) === 0)) failed += 1

console.log('\nslowest jest suites (wall time, run in parallel on every core):')
for (const { file, s } of slowest) console.log(`  ${s.toFixed(1)} s  ${file}`)
const e2eTime = /browser checks took ([\d.]+) s/.exec(e2e.stdout ?? '')
if (e2eTime) console.log(`  ${e2eTime[1]} s  the browser journeys (scripts/e2e.mjs, two lanes at once)`)
const took = Math.round((Date.now() - startedAt) / 1000)
console.log(`npm test took ${Math.floor(took / 60)} min ${took % 60} s (builds, type-check, jest, browser)`)
console.log(`\ntests: ${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
