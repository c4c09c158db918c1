// Suspicious patterns (trust rule 8): flags ratings for staff review. Runs as a batch
// over the ratings of the last two hours (the hourly timer in the cloud, every 10 minutes in the local
// runtime), so a submit costs no extra database requests and each run overlaps the one before: nothing
// falls between two runs. Flagging is idempotent: one review item per rating, `_id` = ratingRefId(ref),
// which `add` refuses when taken — a rating flagged again keeps its first item. The rules and their
// numbers are in src/core/suspicion.ts; the two rules that look past the hour in suspicionPairs.ts.
import {
  BASELINE_DAYS,
  NEW_RATERS_MIN,
  SHARED_ADDRESS_MIN,
  BURST_FLOOR,
  burstThreshold,
  dailyCounts,
  inBusyHours,
} from '@core/suspicion'
import { ratingRefId } from '../store/ids'
import { forgetStaleSnapshots } from '../reports/staleSnapshots'
import { mutualWorkers, repeatRecipients } from './suspicionPairs'
import type { Store } from '../store'
import type { RatingSample, SuspicionReason } from './store'

/** How far back each run looks: two hours, so an hourly run overlaps the previous one by an hour. */
export const SUSPICION_WINDOW_MS = 2 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const group = groups.get(keyOf(item))
    if (group === undefined) groups.set(keyOf(item), [item])
    else group.push(item)
  }
  return groups
}

/** BURST: a worker's ratings in 60 minutes holding more than their threshold (more than 10 at least, so only those are looked up). */
async function bursts(store: Store, byWorker: Map<string, RatingSample[]>, from: string): Promise<RatingSample[]> {
  const flagged: RatingSample[] = []
  for (const [workerCode, ratings] of byWorker) {
    if (inBusyHours(ratings, BURST_FLOOR + 1).length === 0) continue
    const baselineFrom = new Date(Date.parse(from) - BASELINE_DAYS * DAY_MS).toISOString()
    const before = await store.reviews.listWorkerRatedBetween(workerCode, baselineFrom, from)
    const threshold = burstThreshold(dailyCounts(before.map((r) => r.submittedAt), from))
    flagged.push(...inBusyHours(ratings, threshold + 1))
  }
  return flagged
}

/** NEW_RATERS: 5+ ratings of one worker within 60 minutes from raters who had rated nothing before the window. */
async function newRaterWaves(store: Store, byWorker: Map<string, RatingSample[]>, from: string): Promise<RatingSample[]> {
  const candidates = [...byWorker.values()].filter((ratings) => ratings.length >= NEW_RATERS_MIN)
  if (candidates.length === 0) return []
  const raters = [...new Set(candidates.flat().map((r) => r.openid))]
  const known = await store.reviews.ratedBefore(raters, from)
  return candidates.flatMap((ratings) => inBusyHours(ratings.filter((r) => !known.has(r.openid)), NEW_RATERS_MIN))
}

/** SHARED_IP: one client address behind 5+ distinct raters within 60 minutes — those raters' ratings of that time. */
function sharedAddresses(ratings: readonly RatingSample[]): RatingSample[] {
  const withAddress = ratings.filter((r) => r.clientHash !== undefined)
  return [...groupBy(withAddress, (r) => r.clientHash as string).values()].flatMap((group) => inBusyHours(group, SHARED_ADDRESS_MIN, (r) => r.openid))
}

/** Flags what the last two hours' ratings show; returns how many ratings it newly flagged. */
export async function runSuspicionCheck(store: Store, now: Date, idKey: string): Promise<number> {
  const to = now.toISOString()
  const from = new Date(now.getTime() - SUSPICION_WINDOW_MS).toISOString()
  const ratings = await store.reviews.listRatedBetween(from, to)
  const byWorker = groupBy(ratings, (r) => r.workerCode)
  const found: Array<[SuspicionReason, RatingSample[]]> = [
    ['BURST', await bursts(store, byWorker, from)],
    ['NEW_RATERS', await newRaterWaves(store, byWorker, from)],
    ['SHARED_IP', sharedAddresses(ratings)],
    ['REPEAT_RECIPIENT', await repeatRecipients(store, ratings, to)],
    ['MUTUAL_WORKERS', await mutualWorkers(store, ratings)],
  ]
  const reasons = new Map<string, { rating: RatingSample; reasons: SuspicionReason[] }>()
  for (const [reason, flagged] of found) {
    for (const rating of flagged) {
      const id = ratingRefId(rating.ref, idKey)
      const entry = reasons.get(id) ?? { rating, reasons: [] }
      entry.reasons.push(reason)
      reasons.set(id, entry)
    }
  }
  let added = 0
  const months = new Map<string, { subdistrictId: string; month: string }>()
  for (const [id, { rating, reasons: why }] of reasons) {
    const { ref, workerCode, subdistrictId, month } = rating
    if (!(await store.reviews.addReview({ id, ref, workerCode, subdistrictId, month, reasons: why, flaggedAt: to, status: 'open' }))) continue
    added += 1
    months.set(`${subdistrictId}|${month}`, { subdistrictId, month })
  }
  // A flag on a month already closed (a burst in its last hours) changes its rows: UNDER_REVIEW.
  for (const { subdistrictId, month } of months.values()) await forgetStaleSnapshots(store, subdistrictId, month, now)
  return added
}
