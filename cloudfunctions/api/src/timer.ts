// The function's timer trigger (config.json `triggers`, hourly, China time). CloudBase allows one trigger
// per function (WeChat's 定时触发器 guide: 目前仅支持一个触发器), so one hourly trigger does two jobs,
// dispatched here: every run recounts what instances that died between two writes left pending
// (backend/store/cloudbase/recount.ts; docs/cloud-consistency.md) and creates each worker's tally
// document of the year ahead of its first rating — in December already for the next year; the night's
// runs (02:00-05:59) also take the evaluation snapshots of closed periods (backend/reports/snapshotJob.ts),
// within a time budget, the later runs finishing what the first left. A timer event named SNAPSHOT_TRIGGER (a test invocation from the console) only snapshots.
import { chinaDateOf, monthOf } from '@core/periods'
import { type SnapshotRun, takeMissingSnapshots } from '@backend/reports/snapshotJob'
import { runSuspicionCheck } from '@backend/reviews/suspicion'
import { eraseExpiredPhones } from '@backend/cases/caseContacts'
import type { CloudStore } from '@backend/store/cloudbase/cloudStore'
import type { SecretKeeper } from '@backend/secrets/secrets'
import type { UploadSweeper } from '@backend/roster/uploadsCloudbase'

/** What CloudBase passes a function its timer trigger invokes. */
export interface TimerEvent {
  Type: 'Timer'
  TriggerName: string
  Time: string
}

export function isTimerEvent(event: unknown): event is TimerEvent {
  return typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer'
}

/**
 * A record must be this old before a recount may count it: longer than any invocation can still be
 * writing it (the function's timeout is 20 s). RECOUNT_SETTLE_SECONDS overrides it.
 */
const DEFAULT_SETTLE_SECONDS = 120

/** The trigger name that only takes snapshots. */
export const SNAPSHOT_TRIGGER = 'snapshotEvaluations'

/** China hours whose runs take snapshots: the night, when nobody reads reports. */
const SNAPSHOT_HOURS = [2, 3, 4, 5]

/**
 * Time one run may spend on snapshots: the function's timeout is 20 s, and the recount runs first. A
 * snapshot of 30 workers is about 100 reads (grid time is 3 reads per worker), well under a second.
 */
const SNAPSHOT_BUDGET_MS = 10_000

export interface TimerReport {
  repaired: number
  deferred: number
  tallyDocumentsCreated: number
  /** Rate-limit counters of past China days removed (they only matter on their own day). */
  rateLimitCountersRemoved?: number
  /** Ratings newly flagged for staff review by the suspicious-pattern batch (trust rule 8). */
  ratingsFlagged?: number
  /** Phone numbers left for a call-back 30 days ago or more, erased (trust rule 9). */
  phonesErased?: number
  /** Uploads and written files older than 24 hours, deleted from cloud storage (backend/roster/uploadsCloudbase.ts). */
  filesDeleted?: number
  /** Present when the run took snapshots. */
  snapshots?: SnapshotRun
}

const chinaHourOf = (now: Date): number => (now.getUTCHours() + 8) % 24

export async function runTimer(store: CloudStore, secrets: SecretKeeper, now: Date, settleSeconds: string | undefined, triggerName = '', files?: UploadSweeper): Promise<TimerReport> {
  if (triggerName === SNAPSHOT_TRIGGER) {
    return { repaired: 0, deferred: 0, tallyDocumentsCreated: 0, snapshots: await takeMissingSnapshots(store, now, SNAPSHOT_BUDGET_MS) }
  }
  const settle = settleSeconds === undefined || settleSeconds === '' ? DEFAULT_SETTLE_SECONDS : Number(settleSeconds)
  const { repaired, deferred } = await store.repairPending(now, settle * 1000)
  const month = monthOf(now)
  const years = [month.slice(0, 4), ...(month.endsWith('-12') ? [String(Number(month.slice(0, 4)) + 1)] : [])]
  let tallyDocumentsCreated = 0
  for (const year of years) tallyDocumentsCreated += await store.prepareYear(year)
  const rateLimitCountersRemoved = await store.limits.removeBefore(chinaDateOf(now))
  // Suspicious patterns of the last two hours, flagged for staff review (trust rule 8; backend/reviews/suspicion.ts).
  // Review items' ids are keyed (backend/store/ids.ts ratingRefId); before setup there are no keys:
  // NOT_READY, as for collections.
  const ratingsFlagged = await runSuspicionCheck(store, now, (await secrets.get()).idKey)
  // Hourly, so no number outlives its 30 days by more than an hour (backend/cases/caseContacts.ts).
  const phonesErased = await eraseExpiredPhones(store, now)
  // Hourly, so no upload outlives its 24 hours by more than an hour.
  const deleted = files === undefined ? {} : { filesDeleted: await files.sweep(now) }
  if (!SNAPSHOT_HOURS.includes(chinaHourOf(now))) return { repaired, deferred, tallyDocumentsCreated, rateLimitCountersRemoved, ratingsFlagged, phonesErased, ...deleted }
  return { repaired, deferred, tallyDocumentsCreated, rateLimitCountersRemoved, ratingsFlagged, phonesErased, ...deleted, snapshots: await takeMissingSnapshots(store, now, SNAPSHOT_BUDGET_MS) }
}
