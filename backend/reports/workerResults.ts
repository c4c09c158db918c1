// worker.results: a worker's own three-party results for a period. The numbers are the report's own
// (evaluationFor: the snapshot staff read for a closed period, else the evaluation taken as the nightly
// run would), cut down by trust rule 5 (src/core/workerResults.ts): closed periods only — a period still
// running answers when it will be published, so no reply changes at the moment of one rating — a rated
// party only when n >= 5, the total and grade only when no party in them is hidden. A shown party also
// lists its comments that passed moderation (trust rule 6), by month, with nothing about the rater.
import { monthsOf, periodIsClosed } from '@core/periods'
import { ownResultsOf, unpublishedResults, withOwnComments } from '@core/workerResults'
import type { Handler } from '../context'
import { evaluationFor } from './evaluations'
import { findWorker } from '../org/workers'
import { sealRatingId } from '../secrets/sealedRefs'

export const workerResults: Handler<'worker.results'> = async ({ period }, { caller, store, now, secrets }) => {
  const worker = await findWorker(store, caller.workerCode)
  if (!periodIsClosed(period, now)) return unpublishedResults(period)
  const { rows } = await evaluationFor(store, worker.subdistrictId, period, now)
  const results = ownResultsOf(period, rows.find((row) => row.workerCode === worker.code))
  if (!results.residents.shown && !results.recipients.shown) return results
  const [passed, { idKey }] = await Promise.all([store.comments.listPassed(worker.code, monthsOf(period)), secrets.get()])
  // Each with a sealed token to report it by (comment.report): nothing of the rating or its rater.
  return withOwnComments(results, passed.map(({ kind, month, comment, ref }) => ({ kind, month, comment, token: sealRatingId(ref, idKey, 'report') })))
}
