// A worker's own results (`worker.results`): the three-party evaluation row the staff see, cut down to
// what trust rule 5 lets a worker see (DESIGN section 6): closed periods only, aggregates only, and a rated
// party only when at least 5 ratings make it up — fewer could point at who rated. A period still running
// shows nothing but when it will be published: live totals read before and after one rating would give
// that rating's level ((n+1)·after − n·before), and the rater usually scans in front of the worker. The
// scores themselves come from evaluate() (scoring.ts), so a worker sees exactly the numbers of the
// evaluation, never a second rule.
import type { OwnComment, RatingKindName } from './comments'
import { maskContacts } from './contactMask'
import { addMonths, monthOf, periodClosesOn, periodsOfMonth } from './periods'
import type { EvaluatedRow } from './reports'
import { roundRatio } from './reportSummary'
import type { Grade } from './types'

/** Trust rule 5: a worker sees a party's aggregate only when n >= 5. */
export const OWN_RESULTS_MIN_N = 5

/**
 * A rated party as its worker sees it: n and score, or nothing at all (not even n) below 5 ratings. A shown
 * party also lists the comments of its ratings that passed moderation (trust rule 6), by month, without
 * any rater data; absent when there are none. Held and rejected comments are never here.
 */
export type OwnPartyResult = { shown: true; n: number; score: number; comments?: OwnComment[] } | { shown: false }

/** A closed period's results, as its worker sees them. */
export interface PublishedResults {
  period: string
  published: true
  /** 小区居民 */
  residents: OwnPartyResult
  /** 服务对象 */
  recipients: OwnPartyResult
  /** 街道: a score the office entered, not anonymous ratings; null when not entered. */
  subdistrict: { score: number } | null
  /**
   * The total and grade (and a year's annual score) as staff see them; not shown while a rated party they
   * combine is hidden (1 to 4 ratings): with the other parties beside it the total would give its score away.
   */
  overall: OwnOverall
  /** Grid time of the period as the report shows it (to 0.001); null: no working day in it. */
  gridTimeRatio: number | null
  /** Days on duty at the community's service hall in the period, as the report shows them; null: not kept for this evaluation. */
  hallDays: number | null
}

export type OwnOverall = { shown: true; total: number | null; grade: Grade; annual?: number | null } | { shown: false }

/** A period still running: no numbers and no comments, only the China date they are published on. */
export interface UnpublishedResults {
  period: string
  published: false
  /** `YYYY-MM-DD`: the 1st of the month after the period's last month. */
  publishedOn: string
}

export type OwnResults = PublishedResults | UnpublishedResults

/** What a worker reads of a period that has not closed yet (periodIsClosed in periods.ts decides). */
export function unpublishedResults(period: string): UnpublishedResults {
  return { period, published: false, publishedOn: periodClosesOn(period) }
}

/**
 * The worker home's choice of periods: the last two closed months and the last closed half-year — last
 * month first, the one shown on opening — then this month, which answers only when it is published.
 */
export function ownResultPeriods(now: Date): string[] {
  const current = monthOf(now)
  const [, half, year] = periodsOfMonth(current)
  const lastClosedHalf = half.endsWith('H2') ? `${year}-H1` : `${Number(year) - 1}-H2`
  return [addMonths(current, -1), addMonths(current, -2), lastClosedHalf, current]
}

function party(result: { n: number; score: number } | null | undefined): OwnPartyResult {
  if (result == null || result.n < OWN_RESULTS_MIN_N) return { shown: false }
  return { shown: true, n: result.n, score: result.score }
}

/** A rated party with ratings in it that the worker may not see. */
const hiddenParty = (result: { n: number } | null | undefined): boolean => result != null && result.n < OWN_RESULTS_MIN_N

/**
 * What a worker may see of their row of the evaluation staff read — the closed period's snapshot, the
 * same numbers as the report (undefined: the worker has no row, nothing to show).
 */
export function ownResultsOf(period: string, row: EvaluatedRow | undefined): PublishedResults {
  const overall: OwnOverall =
    row === undefined || hiddenParty(row.residents) || hiddenParty(row.recipients)
      ? { shown: false }
      : { shown: true, total: row.total, grade: row.grade, ...(row.annual === undefined ? {} : { annual: row.annual.annual }) }
  return {
    period,
    published: true,
    residents: party(row?.residents),
    recipients: party(row?.recipients),
    subdistrict: row?.subdistrict ?? null,
    overall,
    gridTimeRatio: roundRatio(row?.gridTimeRatio ?? null),
    hallDays: row?.hallDays ?? null,
  }
}

/** A passed comment of one of the worker's ratings, as the store lists it (CommentStore.listPassed). */
export interface PassedCommentOf {
  kind: RatingKindName
  month: string
  comment: string
}

function withComments(result: OwnPartyResult, comments: OwnComment[]): OwnPartyResult {
  return result.shown && comments.length > 0 ? { ...result, comments } : result
}

/**
 * Adds the passed comments to the parties a worker may see (n >= 5): a party below 5 ratings shows none,
 * since a comment could point at who wrote it as surely as a score could. Only 'pass' comments may be given.
 */
export function withOwnComments(results: PublishedResults, passed: readonly PassedCommentOf[]): PublishedResults {
  // Contact data masked (trust rule 9): the worker is not the writer.
  const of = (kind: RatingKindName) => passed.filter((item) => item.kind === kind).map(({ month, comment }) => ({ month, text: maskContacts(comment) }))
  return { ...results, residents: withComments(results.residents, of('resident')), recipients: withComments(results.recipients, of('recipient')) }
}
