// worker.results: a worker's own three-party results for a period. The numbers are the evaluation's own
// (evaluate in src/core/scoring.ts, pooled over the worker's sub-district as staff see them), cut down by
// trust rule 5 (src/core/workerResults.ts): aggregates only, a rated party only when n >= 5. A shown party
// also lists its comments that passed moderation (trust rule 6), by month, with nothing about the rater.
import { monthsOf } from '../../../../src/core/periods'
import { ownResultsOf, withOwnComments } from '../../../../src/core/workerResults'
import type { Handler } from '../context'
import { requireBoundWorker } from '../domain/boundWorker'
import { evaluateSubdistrict } from '../domain/subdistrictEvaluation'
import { findWorker } from '../domain/workers'

export const workerResults: Handler<'worker.results'> = async ({ period }, { caller, store }) => {
  const worker = await findWorker(store, requireBoundWorker(caller).workerCode)
  const rows = await evaluateSubdistrict(store, worker.subdistrictId, period)
  const results = ownResultsOf(period, rows.find((row) => row.workerCode === worker.code))
  if (!results.residents.shown && !results.recipients.shown) return results
  return withOwnComments(results, await store.comments.listPassed(worker.code, monthsOf(period)))
}
