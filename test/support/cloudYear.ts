// A sub-district with a full year of activity on CloudStore over the recorded fake database, and the
// database calls one evaluation.get makes on it (issue 3: <= 10 for 1000 workers). Shared by
// cloudStore.test.ts, which asserts the exact count, and the evaluation bench, which reports it.
import { CloudStore, type CloudCollections } from '../../cloudfunctions/api/src/cloudStore'
import { dispatch } from '../../cloudfunctions/api/src/dispatch'
import { apiHandlers } from '../../cloudfunctions/api/src/handlers'
import { residentRatingId } from '../../cloudfunctions/api/src/ids'
import type { OrgSeed, WorkerRecord } from '../../cloudfunctions/api/src/store'
import { monthsOf } from '../../src/core/periods'
import type { Level } from '../../src/core/types'
import { FakeCloudDb } from '../fakes/fakeCloudDb'

export const YEAR_SUBDISTRICT = 'sd-year'
export const YEAR_STAFF = 'o-staff-year'
export const YEAR_BUREAU = 'o-bureau-year'
/** Workers per community, as in the pilot (银泉 18, 青龙 12). */
const COMMUNITY_SIZE = 15
const PARALLEL_WORKERS = 25

function yearOrg(workerCount: number): OrgSeed {
  const sid = YEAR_SUBDISTRICT
  const communityCount = Math.ceil(workerCount / COMMUNITY_SIZE)
  const communities = Array.from({ length: communityCount }, (_, c) => ({ id: `${sid}-c${c + 1}`, name: `社区${c + 1}`, subdistrictId: sid }))
  const workers: WorkerRecord[] = Array.from({ length: workerCount }, (_, i) => {
    const communityId = communities[Math.floor(i / COMMUNITY_SIZE)].id
    return { code: `Y${String(i + 1).padStart(4, '0')}`, name: `工作者${i + 1}`, postId: 'zhuanzhi', communityId, gridId: `${communityId}-g1`, subdistrictId: sid }
  })
  return {
    subdistricts: [{ id: sid, name: '全年街道' }],
    communities,
    grids: communities.map((c) => ({ id: `${c.id}-g1`, name: '一网格', communityId: c.id, households: 400 })),
    posts: [{ id: 'zhuanzhi', name: '专职社区工作者', duties: ['包保一个网格'] }],
    workers,
    principals: [
      { openid: YEAR_STAFF, role: 'subdistrict', name: '街道工作人员', subdistrictId: sid },
      { openid: YEAR_BUREAU, role: 'bureau', name: '民政局' },
    ],
  }
}

/**
 * `workerCount` workers, and for every worker and every month of `year`: one resident rating, one
 * service recipient's feedback and the month's sub-district score — so each worker has all 15 tallies
 * (12 months, 2 halves, the year) and 12 monthly scores. Written through CloudStore, as the api would.
 */
export async function cloudSubdistrictYear(workerCount: number, year: string): Promise<{ db: FakeCloudDb<CloudCollections>; store: CloudStore }> {
  const db = new FakeCloudDb<CloudCollections>()
  const store = new CloudStore(db)
  const org = yearOrg(workerCount)
  await store.putOrg(org)
  for (const [m, month] of monthsOf(year).entries()) {
    const at = `${month}-15T02:00:00.000Z`
    const writeMonth = async (worker: WorkerRecord, i: number): Promise<void> => {
      const level = (((i + m) % 5) + 1) as Level
      const base = { workerCode: worker.code, subdistrictId: worker.subdistrictId, month, level, comment: '', commentStatus: 'none' as const, submittedAt: at }
      const openid = `o-resident-${i}`
      await store.submitResidentRating({ ...base, id: residentRatingId(openid, worker.code, month), openid })
      await store.submitFeedback({ ...base, serviceId: `svc-${worker.code}-${month}`, openid: `o-recipient-${i}` })
      await store.putSubdistrictScore({ workerCode: worker.code, subdistrictId: worker.subdistrictId, period: month, score: 60 + ((i + m) % 41), enteredBy: YEAR_STAFF, enteredAt: at })
    }
    // A few workers at a time (different documents, no conflicts): the fake's round trips overlap,
    // while thousands of pending chains at once would mostly cost garbage collection.
    for (let first = 0; first < org.workers.length; first += PARALLEL_WORKERS) {
      await Promise.all(org.workers.slice(first, first + PARALLEL_WORKERS).map((worker, k) => writeMonth(worker, first + k)))
    }
  }
  return { db, store }
}

export interface EvaluationCalls {
  /** Rows of the evaluation, to show it really evaluated everyone. */
  rows: number
  total: number
  /** Calls per `op collection`, e.g. `query.get tallies: 2`. */
  byKind: Record<string, number>
}

/** One evaluation.get of the sub-district for `period` through dispatch, as `openid`, counting database calls. */
export async function evaluationCalls(db: FakeCloudDb<CloudCollections>, store: CloudStore, openid: string, period: string): Promise<EvaluationCalls> {
  db.reset()
  const reply = await dispatch(
    { action: 'evaluation.get', payload: { period, subdistrictId: YEAR_SUBDISTRICT } },
    { openid, store, now: new Date(), moderation: { check: async () => 'pass' } },
    apiHandlers,
  )
  if (!reply.ok) throw new Error(`evaluation.get failed: ${reply.code} ${reply.message}`)
  const byKind: Record<string, number> = {}
  for (const call of db.calls) {
    const kind = `${call.op} ${call.collection}`
    byKind[kind] = (byKind[kind] ?? 0) + 1
  }
  return { rows: (reply.data as { rows: unknown[] }).rows.length, total: db.calls.length, byKind }
}
