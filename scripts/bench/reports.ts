// The report bench, bundled by scripts/bench.mjs into bench/tmp/reports.cjs (or alone:
// `node scripts/bench.mjs --only reports`). report.get of a whole year through dispatch and the handlers:
// - pilot: the demo's 浮山办事处 (30 workers, twelve months of ratings, visits, feedback and field
//   sessions), the current year, in memory: the median of repeated calls;
// - scale300: a sub-district of 300 workers with a year of ratings, feedback, visits and field sessions
//   from the scale seed (npm run seed:scale), the last full year without a snapshot: the median;
// - card: the local runtime (server/dist/main.cjs on the demo) answering a resident's worker.card sent
//   while 20 year reports are in flight: the median and the worst of the rounds;
// - cloud: the built function over the CloudBase emulator at 20 ms a request, the 300-worker year report:
//   its database requests and its time.
// Progress goes to stderr; the LAST stdout line is the JSON bench.mjs reads. `--part pilot` (or scale300,
// card, cloud) runs one part; BENCH_TMP names a directory it may fill; BENCH_SERVER the runtime's bundle.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { seedDemo } from '@backend/demo/seed'
import { DEMO_SUBDISTRICT_STAFF } from '@backend/demo/seedOrg'
import { dispatch } from '@backend/door'
import { apiHandlers } from '@backend/handlers'
import { fixedSecrets, newSecrets } from '@backend/secrets/secrets'
import type { Store } from '@backend/store'
import { SqliteStore } from '@backend/store/sqlite/sqliteStore'
import { monthOf } from '@core/periods'
import { scaleSeed } from '../seedScale/scaleSeed'
import { localCodeImages } from '../../server/localCodeImages'
import { yearReportInCloud } from '../../test/support/cloudYearReport'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15)
const WARM_UP = Math.min(3, ROUNDS)
const CARD_ROUNDS = 9
const CONCURRENT_REPORTS = 20
const CLOUD_LATENCY_MS = 20

const log = (message: string) => process.stderr.write(`${message}\n`)
const round2 = (x: number) => Math.round(x * 100) / 100

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** The median time of `ROUNDS` year reports after `WARM_UP` (JIT, SQLite's page cache: what a running server has). */
async function medianReportMs(store: Store, openid: string, payload: object, now: Date): Promise<number> {
  const env = { openid, store, now, moderation: { check: async () => 'pass' as const }, codeImages: localCodeImages(() => 'http://127.0.0.1:10086'), secrets: fixedSecrets(newSecrets()) }
  const once = async (): Promise<number> => {
    const started = performance.now()
    const reply = await dispatch({ action: 'report.get', payload }, env, apiHandlers)
    if (!reply.ok) throw new Error(`report.get: ${reply.code} ${reply.message}`)
    return performance.now() - started
  }
  for (let i = 0; i < WARM_UP; i += 1) await once()
  const times: number[] = []
  for (let i = 0; i < ROUNDS; i += 1) times.push(await once())
  return round2(median(times))
}

async function pilot(): Promise<number> {
  const now = new Date()
  const store = new SqliteStore(':memory:')
  await seedDemo(store, now, newSecrets())
  try {
    const ms = await medianReportMs(store, DEMO_SUBDISTRICT_STAFF, { kind: 'year', period: monthOf(now).slice(0, 4) }, now)
    log(`  pilot's year report (30 workers): ${ms} ms`)
    return ms
  } finally {
    store.close()
  }
}

async function scale300(tmp: string): Promise<number> {
  const year = Number(monthOf(new Date()).slice(0, 4)) - 1
  const dataDir = join(tmp, 'scale300')
  const seeded = await scaleSeed({ dataDir, workers: 300, ratings: 300_000, year, subdistrictSizes: [300] })
  log(`  seeded 300 workers: ${seeded.ratings} ratings, ${seeded.feedback} feedback, ${seeded.visits} visits, ${seeded.fieldSessions} field sessions in ${seeded.totalSeconds.toFixed(1)} s`)
  const store = SqliteStore.openDir(dataDir)
  try {
    const payload = { kind: 'year', period: String(year), subdistrictId: seeded.subdistricts[0].id }
    const ms = await medianReportMs(store, seeded.bureauOpenid, payload, new Date())
    log(`  year report of 300 workers: ${ms} ms`)
    return ms
  } finally {
    store.close()
  }
}

/** Starts the local runtime on an empty DATA_DIR (it seeds the demo); resolves with its URL. */
function startRuntime(bundle: string, dataDir: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [bundle], { env: { ...process.env, PORT: '0', DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /LISTENING (\S+)/.exec(out)
      if (m !== null) resolve({ url: m[1], stop: () => child.kill('SIGTERM') })
    })
    child.on('exit', (code) => reject(new Error(`runtime exited (${code}) before listening`)))
  })
}

async function card(tmp: string): Promise<{ median: number; worst: number }> {
  const runtime = await startRuntime(process.env.BENCH_SERVER ?? 'server/dist/main.cjs', join(tmp, 'card'))
  const call = async (action: string, payload: object, openid: string | null): Promise<number> => {
    const started = performance.now()
    const reply = await fetch(`${runtime.url}/cloud/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(openid === null ? {} : { 'x-openid': openid }) },
      body: JSON.stringify({ action, payload }),
    })
    const body = (await reply.json()) as { ok: boolean; code?: string }
    if (!body.ok) throw new Error(`${action}: ${body.code}`)
    return performance.now() - started
  }
  try {
    const year = { kind: 'year', period: monthOf(new Date()).slice(0, 4) }
    const cardOf = () => call('worker.card', { workerCode: 'YQ01' }, 'bench-resident')
    await call('report.get', year, DEMO_SUBDISTRICT_STAFF)
    await cardOf()
    const times: number[] = []
    for (let round = 0; round < CARD_ROUNDS; round += 1) {
      const reports = Array.from({ length: CONCURRENT_REPORTS }, () => call('report.get', year, DEMO_SUBDISTRICT_STAFF))
      // Sent once the reports are on their way: the resident's tap comes in while they run.
      await new Promise((resolve) => setTimeout(resolve, 5))
      times.push(await cardOf())
      await Promise.all(reports)
    }
    const result = { median: round2(median(times)), worst: round2(Math.max(...times)) }
    log(`  worker.card during ${CONCURRENT_REPORTS} year reports: median ${result.median} ms, worst ${result.worst} ms (${times.map(Math.round).join(', ')})`)
    return result
  } finally {
    runtime.stop()
  }
}

async function cloud(): Promise<{ requests: number; ms: number }> {
  const measured = await yearReportInCloud({ workers: 300, year: String(Number(monthOf(new Date()).slice(0, 4)) - 1), latencyMs: CLOUD_LATENCY_MS })
  const tally = new Map<string, number>()
  for (const request of measured.requests) tally.set(request, (tally.get(request) ?? 0) + 1)
  log(`  cloud year report of 300 workers: ${measured.requests.length} requests, ${Math.round(measured.ms)} ms at ${CLOUD_LATENCY_MS} ms a request`)
  log(`    ${[...tally].map(([request, n]) => `${n} × ${request}`).join('; ')}`)
  return { requests: measured.requests.length, ms: round2(measured.ms) }
}

async function main(): Promise<void> {
  const partArg = process.argv.indexOf('--part')
  const only = partArg < 0 ? null : process.argv[partArg + 1]
  const tmp = process.env.BENCH_TMP ?? mkdtempSync(join(tmpdir(), 'bench-reports-'))
  // A directory of its own is removed at the end; BENCH_TMP is the caller's to remove.
  const ownTmp = process.env.BENCH_TMP === undefined
  const results: Record<string, unknown> = {}
  if (only === null || only === 'pilot') results.pilotYearMs = await pilot()
  if (only === null || only === 'scale300') results.scale300YearMs = await scale300(tmp)
  if (only === null || only === 'card') results.cardDuringReportsMs = await card(tmp)
  if (only === null || only === 'cloud') results.cloud300 = await cloud()
  console.log(JSON.stringify(results))
  if (ownTmp) rmSync(tmp, { recursive: true, force: true })
  // The emulator and loaded instances keep nothing alive that matters: end now.
  process.exit(0)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
