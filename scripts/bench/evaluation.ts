// The evaluation bench, bundled by scripts/bench.mjs into bench/tmp/evaluation.cjs and run
// with BENCH_TMP set to a directory it may fill. For a city of 1000 workers (sub-districts of 300, 350
// and 350) seeded once with 10k and once with 1M ratings over a year, it times evaluation.get of that
// year through dispatch and the handlers on SqliteStore, as the bureau:
// - subdistrict300: the median of 20 evaluations of the 300-worker sub-district;
// - city1000: the median of 20 rounds of evaluating every sub-district (1000 workers in all),
// the two data sets alternating round by round. (The cloud's request counts: cloudCost.ts.)
// Progress goes to stderr; the LAST stdout line is the JSON bench.mjs reads.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dispatch } from '@backend/door'
import { apiHandlers } from '@backend/handlers'
import { SqliteStore } from '@backend/store/sqlite/sqliteStore'
import { type ScaleSeedResult, scaleSeed } from '../seedScale/scaleSeed'
import { localCodeImages } from '../../server/localCodeImages'
import { fixedSecrets, newSecrets } from '@backend/secrets/secrets'

const YEAR = 2025
const WORKERS = 1000
const ROUNDS = 20
const WARM_UP_ROUNDS = 3

interface Timings {
  subdistrict300: number
  city1000: number
}

const log = (message: string) => process.stderr.write(`${message}\n`)

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

const round2 = (x: number) => Math.round(x * 100) / 100

/** An evaluation runner over one seeded DATA_DIR: one sub-district, or the whole city. */
function evaluator(dataDir: string, seeded: ScaleSeedResult) {
  const store = SqliteStore.openDir(dataDir)
  const env = { openid: seeded.bureauOpenid, store, now: new Date(), moderation: { check: async () => 'pass' as const }, codeImages: localCodeImages(() => 'http://127.0.0.1:10086'), secrets: fixedSecrets(newSecrets()) }
  const evaluate = async (subdistrictId: string): Promise<void> => {
    const reply = await dispatch({ action: 'evaluation.get', payload: { period: String(YEAR), subdistrictId } }, env, apiHandlers)
    if (!reply.ok) throw new Error(`evaluation.get ${subdistrictId}: ${reply.code} ${reply.message}`)
  }
  const first = seeded.subdistricts[0]
  if (first.workers !== 300) throw new Error(`expected a first sub-district of 300 workers, got ${first.workers}`)
  return {
    subdistrict300: () => evaluate(first.id),
    city1000: async () => {
      for (const { id } of seeded.subdistricts) await evaluate(id)
    },
    close: () => store.close(),
  }
}

async function elapsedMs(run: () => Promise<void>): Promise<number> {
  const started = performance.now()
  await run()
  return performance.now() - started
}

/**
 * Both data sets are timed in the same rounds, alternating, so that whatever else the machine does
 * (GC after seeding, the other core's load) falls on both alike and the 1M / 10k ratio is fair.
 */
async function timeEvaluations(runners: Record<'10k' | '1M', ReturnType<typeof evaluator>>): Promise<Record<'10k' | '1M', Timings>> {
  const labels = ['10k', '1M'] as const
  // Warm-up: JIT, SQLite's page cache, prepared statements — what a running server has.
  for (let i = 0; i < WARM_UP_ROUNDS; i += 1) for (const label of labels) await runners[label].city1000()
  const times = { '10k': { subdistrict300: [] as number[], city1000: [] as number[] }, '1M': { subdistrict300: [] as number[], city1000: [] as number[] } }
  for (let i = 0; i < ROUNDS; i += 1) {
    for (const label of labels) {
      times[label].subdistrict300.push(await elapsedMs(runners[label].subdistrict300))
      times[label].city1000.push(await elapsedMs(runners[label].city1000))
    }
  }
  const summary = (label: '10k' | '1M'): Timings => ({
    subdistrict300: round2(median(times[label].subdistrict300)),
    city1000: round2(median(times[label].city1000)),
  })
  return { '10k': summary('10k'), '1M': summary('1M') }
}

async function main(): Promise<void> {
  const tmp = process.env.BENCH_TMP ?? mkdtempSync(join(tmpdir(), 'bench-eval-'))
  const runners = {} as Record<'10k' | '1M', ReturnType<typeof evaluator>>
  let seedSeconds1M = 0
  for (const [label, ratings] of [['10k', 10_000], ['1M', 1_000_000]] as const) {
    const dataDir = join(tmp, `city-${label}`)
    const seeded = await scaleSeed({ dataDir, workers: WORKERS, ratings, year: YEAR })
    log(`  seeded ${WORKERS} workers, ${ratings} ratings in ${seeded.totalSeconds.toFixed(2)} s`)
    if (label === '1M') seedSeconds1M = round2(seeded.totalSeconds)
    runners[label] = evaluator(dataDir, seeded)
  }
  const results = await timeEvaluations(runners)
  for (const label of ['10k', '1M'] as const) {
    log(`  ${label}: sub-district of 300 ${results[label].subdistrict300} ms, city of 1000 ${results[label].city1000} ms`)
    runners[label].close()
  }
  console.log(JSON.stringify({ '10k': results['10k'], '1M': results['1M'], seedSeconds1M }))
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
