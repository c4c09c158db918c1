// Reports over the contract: a report of a period, and a worker's trend.
import type { PayloadInputOf } from '../core/contract'
import { useApiQuery } from './useApi'

/** The report for `payload`; null: nothing to load yet (the caller's role is not known). */
export function useReport(payload: PayloadInputOf<'report.get'> | null) {
  return useApiQuery('report.get', payload)
}

/** A worker's totals and grades over the last 12 months. */
export function useWorkerTrend(workerCode: string | null) {
  return useApiQuery('report.trend', workerCode === null ? null : { workerCode })
}
