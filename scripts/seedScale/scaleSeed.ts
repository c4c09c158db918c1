// The scale seeder: a city of `workers` workers with `ratings` resident ratings over
// the 12 months of `year`, recipients' feedback (a fifth as many) with the service visit behind each,
// every worker's field sessions of every working day (scaleFieldTime.ts), every monthly
// sub-district score and every community's hall rota of every month (backend/demo/seedHall.ts), loaded into a DATA_DIR the local runtime can start on. Through SqliteStore.bulkLoad:
// one prepared statement per table inside one transaction, tallies counted alongside, so 1M ratings take seconds.
import { SqliteStore } from '@backend/store/sqlite/sqliteStore'
import { prng } from '@backend/demo/seedRandom'
import { ScaleActivity } from './scaleActivity'
import { SCALE_BUREAU, scaleOrg, staffOpenidOf, subdistrictSizesFor } from './scaleOrg'
import { fieldSessionsOf, visitsOf } from './scaleFieldTime'
import { suggestedRotasOf } from '@backend/demo/seedHall'
import { monthsOf } from '@core/periods'

export { SCALE_BUREAU, staffOpenidOf, subdistrictSizesFor } from './scaleOrg'

export interface ScaleSeedOptions {
  dataDir: string
  workers: number
  ratings: number
  /** Calendar year whose 12 months get the activity. */
  year: number
  /** Workers per sub-district; default subdistrictSizesFor(workers): 1000 → 300, 350, 350. */
  subdistrictSizes?: number[]
}

export interface ScaleSeedResult {
  subdistricts: Array<{ id: string; workers: number; staffOpenid: string }>
  bureauOpenid: string
  ratings: number
  feedback: number
  scores: number
  tallies: number
  visits: number
  fieldSessions: number
  /** Hall rotas: one per community and month. */
  hallRotas: number
  /** Seconds: the organisation, then generating and loading the activity, then in all. */
  orgSeconds: number
  loadSeconds: number
  totalSeconds: number
}

/** Recipients give feedback after a service visit: about one for every five resident ratings. */
const FEEDBACK_PER_RATING = 1 / 5

/** An iterable read once that counts what it gave. */
function counted<T>(items: Iterable<T>): Iterable<T> & { count: number } {
  const result = {
    count: 0,
    *[Symbol.iterator]() {
      for (const item of items) {
        result.count += 1
        yield item
      }
    },
  }
  return result
}

export async function scaleSeed(options: ScaleSeedOptions): Promise<ScaleSeedResult> {
  const started = performance.now()
  const sizes = options.subdistrictSizes ?? subdistrictSizesFor(options.workers)
  if (sizes.reduce((a, b) => a + b, 0) !== options.workers) {
    throw new Error(`subdistrictSizes ${sizes.join('+')} do not add up to ${options.workers} workers`)
  }
  const store = SqliteStore.openDir(options.dataDir)
  try {
    // Never mixes with data already there (the demo seed, an earlier scale seed): bulkLoad adds, it does not replace.
    if (!(await store.isEmpty())) throw new Error(`${options.dataDir} already holds data; give an empty or new --data-dir`)
    const org = scaleOrg(sizes, prng(3456))
    await store.putOrg(org)
    const rotas = suggestedRotasOf(org, monthsOf(String(options.year)))
    for (const rota of rotas) await store.hall.putRota(rota)
    const orgDone = performance.now()
    const activity = new ScaleActivity(org, options.year, options.ratings, Math.round(options.ratings * FEEDBACK_PER_RATING))
    const visits = counted(visitsOf(activity.feedbackDraws(), org))
    const fieldSessions = counted(fieldSessionsOf(org, options.year))
    const counts = store.bulkLoad({ visits, fieldSessions, ratings: activity.ratings(), feedback: activity.feedback(), scores: activity.scores() })
    const done = performance.now()
    return {
      subdistricts: org.subdistricts.map((s, i) => ({ id: s.id, workers: sizes[i], staffOpenid: staffOpenidOf(s.id) })),
      bureauOpenid: SCALE_BUREAU,
      ...counts,
      visits: visits.count,
      fieldSessions: fieldSessions.count,
      hallRotas: rotas.length,
      orgSeconds: (orgDone - started) / 1000,
      loadSeconds: (done - orgDone) / 1000,
      totalSeconds: (done - started) / 1000,
    }
  } finally {
    store.close()
  }
}
