// The two suspicious patterns that look past the hour (one person counts once; trust rule 8), run by the
// same batch as the others (suspicion.ts), over the ratings and feedback its window brings:
//   REPEAT_RECIPIENT: a person whose feedback on the same worker falls in 3 or more of the last 6 months
//     (src/core/suspicion.ts). All of that person's feedback on the worker in those months is flagged.
//   MUTUAL_WORKERS: two workers who rate each other — a resident rating, or feedback on a visit, either
//     way — in one month. A worker is a principal bound to a worker code; both directions are flagged.
// Only pairs that the window's new ratings name are looked up, one query each (an index on openid,
// workerCode, submittedAt in the cloud); the principals are read once a run, only when there is
// something to look at.
import { addMonths } from '@core/periods'
import { chinaMonthStart, isRepeatRecipient, repeatWindowStart } from '@core/suspicion'
import type { Store } from '../store'
import type { RatingSample } from './store'

/** Each rating once (a pair seen from both sides names the same ratings twice). */
function once(ratings: readonly RatingSample[]): RatingSample[] {
  const byRef = new Map<string, RatingSample>()
  for (const r of ratings) byRef.set(`${r.ref.kind}|${r.ref.id}`, r)
  return [...byRef.values()]
}

/** REPEAT_RECIPIENT: for each new feedback, the person's feedback on that worker in the 6 months ending its month. */
export async function repeatRecipients(store: Store, ratings: readonly RatingSample[], to: string): Promise<RatingSample[]> {
  const newest = new Map<string, RatingSample>()
  for (const r of ratings) {
    if (r.ref.kind !== 'recipient') continue
    const key = `${r.openid}|${r.workerCode}`
    const seen = newest.get(key)
    if (seen === undefined || r.month > seen.month) newest.set(key, r)
  }
  const flagged: RatingSample[] = []
  for (const { openid, workerCode, month } of newest.values()) {
    const theirs = await store.reviews.listRaterWorkerBetween(openid, workerCode, chinaMonthStart(repeatWindowStart(month)), to)
    const feedback = theirs.filter((r) => r.ref.kind === 'recipient' && r.month <= month)
    if (isRepeatRecipient(feedback.map((r) => r.month), month)) flagged.push(...feedback)
  }
  return once(flagged)
}

/** MUTUAL_WORKERS: each new rating or feedback by a worker of another worker, when the other rated them back that month. */
export async function mutualWorkers(store: Store, ratings: readonly RatingSample[]): Promise<RatingSample[]> {
  if (ratings.length === 0) return []
  const workerOf = new Map<string, string>()
  const accountsOf = new Map<string, string[]>()
  for (const p of await store.listPrincipals()) {
    if (p.role !== 'worker' || p.workerCode === undefined) continue
    workerOf.set(p.openid, p.workerCode)
    accountsOf.set(p.workerCode, [...(accountsOf.get(p.workerCode) ?? []), p.openid])
  }
  const flagged: RatingSample[] = []
  for (const r of ratings) {
    const rater = workerOf.get(r.openid)
    if (rater === undefined || rater === r.workerCode) continue
    const from = chinaMonthStart(r.month)
    const until = chinaMonthStart(addMonths(r.month, 1))
    for (const account of accountsOf.get(r.workerCode) ?? []) {
      const back = (await store.reviews.listRaterWorkerBetween(account, rater, from, until)).filter((b) => b.month === r.month)
      if (back.length > 0) flagged.push(r, ...back)
    }
  }
  return once(flagged)
}
