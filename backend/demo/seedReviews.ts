// The demo's suspicious burst, so the review queue is not empty locally: on the 18th of
// the last month before now, between 19:00 and 19:55 China time, 青龙社区's QL06 got 12 resident ratings
// from 12 people who had never rated before, 6 of them from one client address. The batch then runs as it
// would have an hour later and flags them itself (backend/reviews/suspicion.ts), so the items carry the reasons the
// real rules give. Loaded after demoActivity: its ratings are not part of the seed's fixed activity.
import { addMonths, monthOf } from '@core/periods'
import type { Level } from '@core/types'
import { clientHashOf } from '../secrets/clientHash'
import type { Secrets } from '../secrets/secrets'
import { runSuspicionCheck } from '../reviews/suspicion'
import { residentRatingId } from '../store/ids'
import type { ResidentRatingRecord, Store } from '../store'
import { DEMO_SUBDISTRICT_ID } from './seedOrg'

export const DEMO_BURST_WORKER = 'QL06'
/** Ordinary levels for QL06 (mostly 满意): the burst is about the pattern, not the levels. */
const LEVELS: Level[] = [4, 5, 4, 5, 3, 4, 5, 4, 4, 5, 4, 4]
/** A documentation address (RFC 5737): the six who share it. */
const SHARED_ADDRESS = '198.51.100.23'

export function demoBurst(now: Date, clientHashKey: string): { ratings: ResidentRatingRecord[]; checkAt: Date } {
  const month = addMonths(monthOf(now), -1)
  const [year, month1] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))]
  // 19:00 China time is 11:00 UTC; one rating every 5 minutes.
  const at = (i: number) => new Date(Date.UTC(year, month1 - 1, 18, 11, i * 5)).toISOString()
  const ratings = LEVELS.map((level, i): ResidentRatingRecord => {
    const openid = `seed-burst-${i + 1}`
    const clientHash = clientHashOf(i % 2 === 0 ? SHARED_ADDRESS : `198.51.100.${100 + i}`, clientHashKey)
    return {
      id: residentRatingId(openid, DEMO_BURST_WORKER, month), openid, workerCode: DEMO_BURST_WORKER, subdistrictId: DEMO_SUBDISTRICT_ID,
      month, level, comment: '', commentStatus: 'none', submittedAt: at(i), ...(clientHash === undefined ? {} : { clientHash }),
    }
  })
  return { ratings, checkAt: new Date(Date.UTC(year, month1 - 1, 18, 12, 0)) }
}

export async function seedDemoBurst(store: Store, now: Date, secrets: Secrets): Promise<void> {
  const { ratings, checkAt } = demoBurst(now, secrets.clientHashKey)
  await store.loadActivity({ ratings })
  await runSuspicionCheck(store, checkAt, secrets.idKey)
}
