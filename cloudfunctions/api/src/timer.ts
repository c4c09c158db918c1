// The function's timer trigger (config.json `triggers`, hourly, China time). CloudBase allows one trigger
// per function (WeChat's 定时触发器 guide: 目前仅支持一个触发器), so one hourly trigger does two jobs,
// dispatched here: every run opens the bad-review cases that level 1-2 ratings and feedback marked since
// the last (backend/cases/dueCases.ts: a case appears within the hour of its rating), recounts what
// instances that died between two writes left pending (backend/store/cloudbase/recount.ts;
// docs/cloud-consistency.md) and creates each worker's tally
// document of the year ahead of its first rating — in December already for the next year; the night's
// runs (02:00-05:59) also take the evaluation snapshots of closed periods (backend/reports/snapshotJob.ts),
// within a time budget, the later runs finishing what the first left. A timer event named SNAPSHOT_TRIGGER (a test invocation from the console) only snapshots.
// Each job is a part of its own: one that fails (a transaction the database forgot, a refused request) is
// logged and named in `failed`, and the others still run; the next hour tries it again. Only an
// environment that is not set up stops the run (NOT_READY), since then no part can do anything.
import { ApiError } from '@core/errors'
import { chinaDateOf, monthOf } from '@core/periods'
import { type SnapshotRun, takeMissingSnapshots } from '@backend/reports/snapshotJob'
import { runSuspicionCheck } from '@backend/reviews/suspicion'
import { eraseExpiredPhones } from '@backend/cases/caseContacts'
import { openDueCases } from '@backend/cases/dueCases'
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
  /** Bad-review cases opened from the marks of level 1-2 ratings and feedback (backend/cases/dueCases.ts). */
  casesOpened?: number
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
  /** The parts that failed this run (logged); absent when none did. */
  failed?: TimerPart[]
}

/** The hourly job's parts, in the order they run. */
export type TimerPart = 'cases' | 'recount' | 'tallyYears' | 'rateLimitCounters' | 'suspicion' | 'phones' | 'files' | 'snapshots'

const chinaHourOf = (now: Date): number => (now.getUTCHours() + 8) % 24

export async function runTimer(store: CloudStore, secrets: SecretKeeper, now: Date, settleSeconds: string | undefined, triggerName = '', files?: UploadSweeper): Promise<TimerReport> {
  const report: TimerReport = { repaired: 0, deferred: 0, tallyDocumentsCreated: 0 }
  const failed: TimerPart[] = []
  /** Runs one part; its failure is logged and noted, unless the environment is not set up at all. */
  const part = async (name: TimerPart, work: () => Promise<Partial<TimerReport>>): Promise<void> => {
    try {
      Object.assign(report, await work())
    } catch (error) {
      if (store.isNotSetUp(error) || (error instanceof ApiError && error.code === 'NOT_READY')) throw error
      console.error(`[api] timer part ${name} failed; the other parts ran`, error)
      failed.push(name)
    }
  }
  const done = (): TimerReport => (failed.length === 0 ? report : { ...report, failed })
  if (triggerName === SNAPSHOT_TRIGGER) {
    await part('snapshots', async () => ({ snapshots: await takeMissingSnapshots(store, now, SNAPSHOT_BUDGET_MS) }))
    return done()
  }
  const settle = settleSeconds === undefined || settleSeconds === '' ? DEFAULT_SETTLE_SECONDS : Number(settleSeconds)
  // First, within its own time budget: what residents and staff wait for (a case's deadlines run from the rating).
  await part('cases', async () => ({ casesOpened: await openDueCases(store, secrets) }))
  await part('recount', () => store.repairPending(now, settle * 1000))
  await part('tallyYears', async () => {
    const month = monthOf(now)
    const years = [month.slice(0, 4), ...(month.endsWith('-12') ? [String(Number(month.slice(0, 4)) + 1)] : [])]
    let tallyDocumentsCreated = 0
    for (const year of years) tallyDocumentsCreated += await store.prepareYear(year)
    return { tallyDocumentsCreated }
  })
  await part('rateLimitCounters', async () => ({ rateLimitCountersRemoved: await store.limits.removeBefore(chinaDateOf(now)) }))
  // Suspicious patterns of the last two hours, flagged for staff review (trust rule 8; backend/reviews/suspicion.ts).
  // Review items' ids are keyed (backend/store/ids.ts ratingRefId); before setup there are no keys:
  // NOT_READY, as for collections.
  await part('suspicion', async () => ({ ratingsFlagged: await runSuspicionCheck(store, now, (await secrets.get()).idKey) }))
  // Hourly, so no number outlives its 30 days by more than an hour (backend/cases/caseContacts.ts).
  await part('phones', async () => ({ phonesErased: await eraseExpiredPhones(store, now) }))
  // Hourly, so no upload outlives its 24 hours by more than an hour.
  if (files !== undefined) await part('files', async () => ({ filesDeleted: await files.sweep(now) }))
  if (SNAPSHOT_HOURS.includes(chinaHourOf(now))) {
    await part('snapshots', async () => ({ snapshots: await takeMissingSnapshots(store, now, SNAPSHOT_BUDGET_MS) }))
  }
  return done()
}
