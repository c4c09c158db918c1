// worker.results: a worker's own three-party results for a period. The numbers are the evaluation's own
// (evaluate in src/core/scoring.ts, pooled over the worker's sub-district as staff see them), cut down by
// trust rule 5 (src/core/workerResults.ts): aggregates only, a rated party only when n >= 5.
import { ownResultsOf } from '../../../../src/core/workerResults'
import type { Handler } from '../context'
import { requireBoundWorker } from '../domain/boundWorker'
import { evaluateSubdistrict } from '../domain/subdistrictEvaluation'
import { findWorker } from '../domain/workers'

export const workerResults: Handler<'worker.results'> = async ({ period }, { caller, store }) => {
  const worker = await findWorker(store, requireBoundWorker(caller).workerCode)
  const rows = await evaluateSubdistrict(store, worker.subdistrictId, period)
  return ownResultsOf(period, rows.find((row) => row.workerCode === worker.code))
}
