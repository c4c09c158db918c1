// What the worker's home says of the bad-review cases about them (case.worker lists only those the
// community handed over after its call-back): the ones waiting for their rectification, and the ones an
// upheld appeal withdrew lately, so a worker told to rectify learns they need not.
import type { WorkerCaseView } from '../../core/cases'

/** Days a withdrawn case stays on the home page, the day the appeal was upheld included. */
export const WITHDRAWN_SHOWN_DAYS = 30

const DAY_MS = 24 * 60 * 60 * 1000

export interface WorkerCaseNotice {
  /** Waiting for the call-back or the rectification. */
  open: WorkerCaseView[]
  /** Withdrawn (评价已撤销) within the last WITHDRAWN_SHOWN_DAYS days, `today` a China date. */
  withdrawn: WorkerCaseView[]
}

export function workerCaseNotice(cases: readonly WorkerCaseView[], today: string): WorkerCaseNotice {
  const shownSince = new Date(Date.parse(today) - (WITHDRAWN_SHOWN_DAYS - 1) * DAY_MS).toISOString().slice(0, 10)
  return {
    open: cases.filter((c) => c.stage === 'callback' || c.stage === 'rectify'),
    withdrawn: cases.filter((c) => c.stage === 'withdrawn' && c.withdrawnOn !== undefined && c.withdrawnOn >= shownSince),
  }
}
