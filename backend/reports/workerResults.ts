// worker.results: a worker's own three-party results for a period. The numbers are the evaluation's own
// (the snapshot staff read for a closed period, else evaluate() in src/core/scoring.ts pooled over the
// worker's sub-district), cut down by trust rule 5 (src/core/workerResults.ts): closed periods only —
// a period still running answers when it will be published, so no reply changes at the moment of one
// rating — and a rated party only when n >= 5. A shown party also lists its comments that passed
// moderation (trust rule 6), by month, with nothing about the rater.
import { monthsOf, periodIsClosed } from '@core/periods'
import { ownResultsOf, unpublishedResults, withOwnComments } from '@core/workerResults'
import type { Handler } from '../context'
import { evaluationRowsFor } from './evaluations'
import { findWorker } from '../org/workers'

export const workerResults: Handler<'worker.results'> = async ({ period }, { caller, store, now }) => {
  const worker = await findWorker(store, caller.workerCode)
  if (!periodIsClosed(period, now)) return unpublishedResults(period)
  const rows = await evaluationRowsFor(store, worker.subdistrictId, period, now)
  const results = ownResultsOf(period, rows.find((row) => row.workerCode === worker.code))
  if (!results.residents.shown && !results.recipients.shown) return results
  return withOwnComments(results, await store.comments.listPassed(worker.code, monthsOf(period)))
}
