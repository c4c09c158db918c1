#!/usr/bin/env node
// The browser test (`npm run test:e2e`): the h5 build served by the local runtime, driven through its
// UI in Debian's chromium at phone size. The journeys, one module each, are listed in test/e2e/journeys.mjs;
// this runner starts the shared demo server and the browser, runs them in two lanes, and counts.
//   node scripts/e2e.mjs                 every journey
//   node scripts/e2e.mjs rating home     only the journeys named (npm run test:e2e -- rating home)
// Needs dist-h5/ and server/dist/main.cjs (built by `npm test`). Screenshots go to screenshots/.
// Ends with one line "N passed, N failed" (scripts/test.mjs reads it).
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { assert, checkPrerequisites, launchBrowser, startServer } from '../test/e2e/harness.mjs'
import { JOURNEYS } from '../test/e2e/journeys.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const shots = join(root, 'screenshots')

const problems = checkPrerequisites(root)
const named = process.argv.slice(2)
const unknown = named.filter((name) => !JOURNEYS.some((journey) => journey.name === name))
if (unknown.length > 0) problems.push(`没有这些旅程：${unknown.join(', ')}（可选：${JOURNEYS.map((journey) => journey.name).join(' ')}）`)
// The shared server's journeys depend on their order, so they run in one lane.
const misplaced = JOURNEYS.filter((journey) => (journey.shared ? journey.lane !== 1 : journey.lane !== 1 && journey.lane !== 2))
if (misplaced.length > 0) problems.push(`这些旅程的 lane 不对（共享服务器的在 1，其余在 1 或 2）：${misplaced.map((journey) => journey.name).join(', ')}`)
if (problems.length > 0) {
  for (const problem of problems) console.error(problem)
  console.log('0 passed, 1 failed')
  process.exit(1)
}
mkdirSync(shots, { recursive: true })
const startedAt = Date.now()

const selected = named.length === 0 ? JOURNEYS : JOURNEYS.filter((journey) => named.includes(journey.name))
let passed = 0
let failed = 0

async function test(name, body) {
  const started = Date.now()
  try {
    await body()
    passed += 1
    console.log(`✓ ${name} (${Date.now() - started} ms)`)
  } catch (error) {
    failed += 1
    console.log(`✗ ${name}\n  ${String(error?.stack ?? error).split('\n').slice(0, 6).join('\n  ')}`)
  }
}

// The shared demo server only when a selected journey reads it; the others start their own.
const server = selected.some((journey) => journey.shared) ? startServer(root) : null
let browser
try {
  const baseUrl = server === null ? undefined : await server.url
  browser = await launchBrowser()
  // Two lanes at once, one per core (journeys.mjs says which journey runs in which). Each journey opens
  // its own pages; only the count is shared.
  const lanes = [1, 2].map((lane) => selected.filter((journey) => journey.lane === lane))
  const ran = await Promise.allSettled(
    lanes.map(async (lane) => {
      for (const journey of lane) await journey.run({ browser, root, baseUrl, shots, test, assert })
    }),
  )
  for (const lane of ran) {
    if (lane.status === 'rejected') {
      failed += 1
      console.log(`✗ ${String(lane.reason?.stack ?? lane.reason).split('\n').slice(0, 6).join('\n  ')}`)
    }
  }
} catch (error) {
  failed += 1
  console.log(`✗ setup: ${error?.message ?? error}`)
} finally {
  await browser?.close().catch(() => undefined)
  server?.stop()
}

console.log(`browser checks took ${((Date.now() - startedAt) / 1000).toFixed(1)} s`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
