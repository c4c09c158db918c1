// A worker's own results (`worker.results`): the three-party evaluation row the staff see, cut down to
// what trust rule 5 lets a worker see (DESIGN section 6): aggregates only, and a rated party only when
// at least 5 ratings make it up — fewer could point at who rated. The scores themselves come from
// evaluate() (scoring.ts), so a worker sees exactly the numbers of the evaluation, never a second rule.
import type { OwnComment, RatingKindName } from './comments'
import type { EvaluationRow } from './types'

/** Trust rule 5: a worker sees a party's aggregate only when n >= 5. */
export const OWN_RESULTS_MIN_N = 5

/**
 * A rated party as its worker sees it: n and score, or nothing at all (not even n) below 5 ratings. A shown
 * party also lists the comments of its ratings that passed moderation (trust rule 6), by month, without
 * any rater data; absent when there are none. Held and rejected comments are never here.
 */
export type OwnPartyResult = { shown: true; n: number; score: number; comments?: OwnComment[] } | { shown: false }

export interface OwnResults {
  period: string
  /** 小区居民 */
  residents: OwnPartyResult
  /** 服务对象 */
  recipients: OwnPartyResult
  /** 街道: a score the office entered, not anonymous ratings; null when not entered. */
  subdistrict: { score: number } | null
}

function party(result: { n: number; score: number } | null | undefined): OwnPartyResult {
  if (result == null || result.n < OWN_RESULTS_MIN_N) return { shown: false }
  return { shown: true, n: result.n, score: result.score }
}

/** What a worker may see of their evaluation row (undefined: the worker has no row, nothing to show). */
export function ownResultsOf(period: string, row: EvaluationRow | undefined): OwnResults {
  return {
    period,
    residents: party(row?.residents),
    recipients: party(row?.recipients),
    subdistrict: row?.subdistrict ?? null,
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
export function withOwnComments(results: OwnResults, passed: readonly PassedCommentOf[]): OwnResults {
  const of = (kind: RatingKindName) => passed.filter((item) => item.kind === kind).map(({ month, comment }) => ({ month, text: comment }))
  return { ...results, residents: withComments(results.residents, of('resident')), recipients: withComments(results.recipients, of('recipient')) }
}
