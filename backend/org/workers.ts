// Looking up the worker a call is about: every worker action names one by code, and an unknown
// code is the resident's likeliest mistake (a damaged or old QR code), so the message says what to check.
import { ApiError } from '@core/errors'
import { INACTIVE_WORKER_MESSAGE, isActiveWorker } from '@core/org'
import type { Store, WorkerRecord } from '../store'

export async function findWorker(store: Store, workerCode: string): Promise<WorkerRecord> {
  const worker = await store.getWorker(workerCode)
  if (worker === null) throw new ApiError('NOT_FOUND', '没有找到这位社区工作者，请确认二维码或编号')
  return worker
}

/**
 * A worker no longer in post collects nothing: a rating of them, or feedback on any visit of theirs, is
 * refused (409) and counts nothing; their earlier ratings stay.
 */
export function refuseInactive(worker: WorkerRecord): void {
  refuseOutOfPost(isActiveWorker(worker))
}

/** The same refusal where the store answered "in post?" without the worker's record (a visit's, VisitStore). */
export function refuseOutOfPost(inPost: boolean): void {
  if (!inPost) throw new ApiError('CONFLICT', INACTIVE_WORKER_MESSAGE)
}
