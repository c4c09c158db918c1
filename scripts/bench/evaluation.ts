// The evaluation bench (issue 3), bundled by scripts/bench.mjs into bench/tmp/evaluation.cjs and run
// with BENCH_TMP set to a directory it may fill. For a city of 1000 workers (sub-districts of 300, 350
// and 350) seeded once with 10k and once with 1M ratings over a year, it times evaluation.get of that
// year through dispatch and the handlers on SqliteStore, as the bureau:
// - subdistrict300: the median of 20 evaluations of the 300-worker sub-district;
// - city1000: the median of 20 rounds of evaluating every sub-district (1000 workers in all);
// and counts the database calls CloudStore makes (recorded fake) for one 1000-worker sub-district.
// Progress goes to stderr; the LAST stdout line is the JSON bench.mjs reads.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dispatch } from '../../cloudfunctions/api/src/dispatch'
import { apiHandlers } from '../../cloudfunctions/api/src/handlers'
import { SqliteStore } from '../../server/sqliteStore'
import { YEAR_BUREAU, cloudSubdistrictYear, evaluationCalls } from '../../test/support/cloudYear'
import { type ScaleSeedResult, scaleSeed } from '../seedScale/scaleSeed'

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

async function timeEvaluations(dataDir: string, seeded: ScaleSeedResult): Promise<Timings> {
  const store = SqliteStore.openDir(dataDir)
  try {
    const env = { openid: seeded.bureauOpenid, store, now: new Date(), moderation: { check: async () => 'pass' as const } }
    const evaluate = async (subdistrictId: string): Promise<void> => {
      const reply = await dispatch({ action: 'evaluation.get', payload: { period: String(YEAR), subdistrictId } }, env, apiHandlers)
      if (!reply.ok) throw new Error(`evaluation.get ${subdistrictId}: ${reply.code} ${reply.message}`)
    }
    const first = seeded.subdistricts[0]
    if (first.workers !== 300) throw new Error(`expected a first sub-district of 300 workers, got ${first.workers}`)
    const city = async () => {
      for (const { id } of seeded.subdistricts) await evaluate(id)
    }
    // Warm-up: JIT, SQLite's page cache, prepared statements — what a running server has.
    for (let i = 0; i < WARM_UP_ROUNDS; i += 1) await city()
    const timed = async (run: () => Promise<void>): Promise<number[]> => {
      const times: number[] = []
      for (let i = 0; i < ROUNDS; i += 1) {
        const started = performance.now()
        await run()
        times.push(performance.now() - started)
      }
      return times
    }
    const subdistrict300 = median(await timed(() => evaluate(first.id)))
    const city1000 = median(await timed(city))
    return { subdistrict300: round2(subdistrict300), city1000: round2(city1000) }
  } finally {
    store.close()
  }
}

async function main(): Promise<void> {
  const tmp = process.env.BENCH_TMP ?? mkdtempSync(join(tmpdir(), 'bench-eval-'))
  const results: Record<string, Timings> = {}
  let seedSeconds1M = 0
  for (const [label, ratings] of [['10k', 10_000], ['1M', 1_000_000]] as const) {
    const dataDir = join(tmp, `city-${label}`)
    const seeded = await scaleSeed({ dataDir, workers: WORKERS, ratings, year: YEAR })
    log(`  seeded ${WORKERS} workers, ${ratings} ratings in ${seeded.totalSeconds.toFixed(2)} s`)
    if (label === '1M') seedSeconds1M = round2(seeded.totalSeconds)
    results[label] = await timeEvaluations(dataDir, seeded)
    log(`  ${label}: sub-district of 300 ${results[label].subdistrict300} ms, city of 1000 ${results[label].city1000} ms`)
  }
  const { db, store } = await cloudSubdistrictYear(WORKERS, String(YEAR))
  const calls = await evaluationCalls(db, store, YEAR_BUREAU, String(YEAR))
  log(`  CloudStore, one evaluation of ${calls.rows} workers: ${calls.total} calls ${JSON.stringify(calls.byKind)}`)
  console.log(JSON.stringify({ '10k': results['10k'], '1M': results['1M'], seedSeconds1M, cloudCalls1000: calls.total }))
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
