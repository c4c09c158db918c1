// What each rating path costs on CloudBase, in database requests: the built function on the real
// wx-server-sdk over the emulator, each call on a WARM instance (one that served a call before: the
// deployment's keys and the limits' settings are read once per instance and 60 s, not per rating).
// Shared by test/cloud/cost.test.ts, which holds the budgets, and the benchmark, which prints them.
import type { VisitRecord } from '@backend/visits/store'
import type { CloudbaseEmulator, Latency } from '../cloudbase/emulator'
import { type CloudFunctionInstance, loadCloudFunction } from '../cloudbase/realSdk'
import { setUpCloud, startInstances } from './cloudEnv'
import { YEAR_SUBDISTRICT, yearOrg } from './cloudYear'

/** The paths issue targets name, each with its budget. */
export const PATH_BUDGETS = {
  firstRating: 6,
  secondWorkerThatDay: 6,
  reRate: 6,
  firstBadRating: 6,
  feedback: 6,
  /** Per rating, 50 raters of one worker at once. */
  fiftyAtOnce: 7,
} as const

export type PathName = keyof typeof PATH_BUDGETS

export interface PathCost {
  /** Requests of the call, `api collection` in order. */
  requests: string[]
  reply: unknown
}

/** One call on `api`, and the requests it made. */
async function measured(emulator: CloudbaseEmulator, api: CloudFunctionInstance, event: unknown, openid: string): Promise<PathCost> {
  const from = emulator.requests.length
  const reply = await api.invoke(event, { openid })
  const requests = emulator.requests.slice(from).filter((r) => r.instance === api.instanceId).map((r) => `${r.api} ${r.collection ?? ''}`.trim())
  return { requests, reply }
}

const rate = (workerCode: string, level: number, key: string) => ({ action: 'rating.submit', payload: { workerCode, level, idempotencyKey: key } })

/** The visit a recipient rates: ten minutes old, so its feedback window is open whatever the settings say. */
function visitOf(workerCode: string, visitCode: string): VisitRecord {
  const at = new Date(Date.now() - 10 * 60_000).toISOString()
  return { visitCode, workerCode, subdistrictId: YEAR_SUBDISTRICT, communityId: `${YEAR_SUBDISTRICT}-c1`, type: '帮办代办', place: '', note: '', at }
}

/**
 * The five paths in a row on one warm instance: a resident's first rating (level 5), the same resident's
 * second worker that day, their re-rate of the first worker, another resident's first rating at level 1,
 * and a recipient's feedback on a visit.
 */
export async function ratingPathCosts(latency?: Latency): Promise<Record<Exclude<PathName, 'fiftyAtOnce'>, PathCost>> {
  const { emulator, store } = await setUpCloud(yearOrg(3), latency === undefined ? {} : { latency })
  await store.visits.putVisit(visitOf('Y0002', 'Vq8ZrT2mWc4Kx7Ls'))
  const api = loadCloudFunction(emulator, { instanceId: 'warm' })
  // Warm: the keys and the limits' settings read once (a second submit of the day needs the limits).
  for (const [i, worker] of ['Y0002', 'Y0003'].entries()) await api.invoke(rate(worker, 4, `warm-up-000${i}`), { openid: 'o-warm-up' })
  const resident = 'o-resident-paths'
  const costs = {
    firstRating: await measured(emulator, api, rate('Y0001', 5, 'path-first-0001'), resident),
    secondWorkerThatDay: await measured(emulator, api, rate('Y0002', 4, 'path-second-0001'), resident),
    reRate: await measured(emulator, api, rate('Y0001', 3, 'path-rerate-0001'), resident),
    firstBadRating: await measured(emulator, api, rate('Y0003', 1, 'path-bad-0001'), 'o-resident-unhappy'),
    feedback: await measured(emulator, api, { action: 'feedback.submit', payload: { visitCode: 'Vq8ZrT2mWc4Kx7Ls', level: 4, comment: '办得很快', idempotencyKey: 'path-feedback-0001' } }, 'o-recipient-paths'),
  }
  emulator.dispose()
  return costs
}

/** Fifty residents rate one worker at once over 8 warm instances: the requests per rating, and whether all were ok. */
export async function fiftyAtOnceCost(latency?: Latency): Promise<{ perRating: number; allOk: boolean }> {
  const { emulator } = await setUpCloud(yearOrg(3), latency === undefined ? {} : { latency })
  const instances = startInstances(emulator, 8)
  await Promise.all(instances.map((api, i) => api.invoke(rate('Y0002', 4, `warm-up-fifty-${i}`), { openid: `o-warm-up-${i}` })))
  const from = emulator.requests.length
  const replies = await Promise.all(Array.from({ length: 50 }, (_, i) => instances[i % 8].invoke(rate('Y0001', (i % 5) + 1, `fifty-at-once-${i}`), { openid: `o-neighbour-${i}` })))
  const requests = emulator.requests.slice(from).filter((r) => r.instance !== undefined && r.instance.startsWith('api-'))
  emulator.dispose()
  return { perRating: requests.length / 50, allOk: replies.every((reply) => (reply as { ok: boolean }).ok) }
}
