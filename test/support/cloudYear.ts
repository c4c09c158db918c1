// What the cloud costs, measured in the CloudBase emulator with the real wx-server-sdk and the BUILT
// function (the budgets in test/cloud/cost.test.ts): the database requests of a first rating.submit, and of a year's
// evaluation.get for a 300-worker sub-district under the 100-row cap. Shared by test/cloud/cost.test.ts,
// which holds the budgets, and the benchmark, which prints the figures.
import type { OrgSeed, WorkerRecord } from '@backend/store'
import { residentRatingId } from '@backend/store/ids'
import { monthsOf } from '@core/periods'
import type { Level } from '@core/types'
import type { CloudbaseEmulator, Latency } from '../cloudbase/emulator'
import { loadCloudFunction } from '../cloudbase/realSdk'
import { setUpCloud } from './cloudEnv'

export const YEAR_SUBDISTRICT = 'sd-year'
export const YEAR_STAFF = 'o-staff-year'
export const YEAR_BUREAU = 'o-bureau-year'
/** Workers per community, as in the pilot (银泉 18, 青龙 12). */
const COMMUNITY_SIZE = 15

export function yearOrg(workerCount: number): OrgSeed {
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
 * `workerCount` workers with a full `year`: every month one resident rating, one recipient's feedback
 * and the month's sub-district score per worker, loaded in bulk at full speed; `latency` from then on.
 */
export async function cloudSubdistrictYear(workerCount: number, year: string, latency?: Latency): Promise<{ emulator: CloudbaseEmulator }> {
  const org = yearOrg(workerCount)
  const { emulator, store } = await setUpCloud(org)
  const activity = monthsOf(year).flatMap((month, m) =>
    org.workers.map((worker, i) => {
      const level = (((i + m) % 5) + 1) as Level
      const at = `${month}-15T02:00:00.000Z`
      const base = { workerCode: worker.code, subdistrictId: worker.subdistrictId, month, level, comment: '', commentStatus: 'none' as const, submittedAt: at }
      const openid = `o-resident-${i}`
      return {
        rating: { ...base, id: residentRatingId(openid, worker.code, month), openid },
        feedback: { ...base, serviceId: `svc-${worker.code}-${month}`, openid: `o-recipient-${i}` },
        score: { workerCode: worker.code, subdistrictId: worker.subdistrictId, period: month, score: 60 + ((i + m) % 41), enteredBy: YEAR_STAFF, enteredAt: at },
      }
    }),
  )
  await store.loadActivity({ ratings: activity.map((a) => a.rating), feedback: activity.map((a) => a.feedback), scores: activity.map((a) => a.score) })
  await store.prepareYear(year)
  emulator.resetRequests()
  if (latency !== undefined) emulator.setLatency(latency)
  return { emulator }
}

export interface RequestCount {
  total: number
  /** `api collection` in the order they were made, e.g. `database.getDocument principals`. */
  requests: string[]
  reply: unknown
  /**
   * Reads a cold instance makes once and keeps for its life (the deployment's keys, cloudSecrets.ts): not
   * part of what a call costs, so not in `requests`; test/cloud/cost.test.ts holds them to once per instance.
   */
  oncePerInstance: string[]
}

/** What an instance reads once and keeps. */
export const ONCE_PER_INSTANCE: readonly string[] = ['database.getDocument secrets']

/** One invocation of a cold instance of the built function, and the database requests it made. */
export async function requestsOf(emulator: CloudbaseEmulator, event: unknown, openid: string): Promise<RequestCount> {
  const instanceId = `measured-${Math.random().toString(36).slice(2)}`
  const api = loadCloudFunction(emulator, { instanceId })
  const reply = await api.invoke(event, { openid })
  const all = emulator.requests.filter((r) => r.instance === instanceId).map((r) => `${r.api} ${r.collection ?? ''}`.trim())
  const requests = all.filter((r) => !ONCE_PER_INSTANCE.includes(r))
  return { total: requests.length, requests, reply, oncePerInstance: all.filter((r) => ONCE_PER_INSTANCE.includes(r)) }
}

/** A resident's first rating of the month, with an idempotency key, on a set-up environment. */
export async function firstRatingRequests(latency?: Latency): Promise<RequestCount> {
  const { emulator } = await setUpCloud(yearOrg(3), latency === undefined ? {} : { latency })
  return requestsOf(emulator, { action: 'rating.submit', payload: { workerCode: 'Y0001', level: 5, idempotencyKey: 'first-rating-0001' } }, 'o-resident-first')
}

/** The bureau's evaluation.get of a year for a sub-district of `workerCount` workers with a full year. */
export async function yearEvaluationRequests(workerCount: number, year: string, latency?: Latency): Promise<RequestCount> {
  const { emulator } = await cloudSubdistrictYear(workerCount, year, latency)
  return requestsOf(emulator, { action: 'evaluation.get', payload: { period: year, subdistrictId: YEAR_SUBDISTRICT } }, YEAR_BUREAU)
}
