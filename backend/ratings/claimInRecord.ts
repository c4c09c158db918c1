// The submit steps where the record is its submit's claim (recordClaims.ts; CloudBase and SQLite). The
// checks and the rate-limit count run first; then the record's one write carries the key and the
// payload's hash (on SQLite all in the whole submit's one transaction: sqliteOneTransaction.ts).
// A retry whose record holds its key already is answered from that record (its count given back), and
// so is a retry that a check or the limit now refuses though its first call passed them (a worker out of
// post since, the day's limit reached by the first call itself). The same key with another payload is
// refused (422). What this narrows against the claim document: docs/idempotency.md.
import { ApiError } from '@core/errors'
import { busy, mismatch } from '../idempotency/idempotency'
import type { IdempotencyRecord, RatingReceipt, RatingRef } from '../store/records'
import type { RecordClaims, SubmitReceipt } from './recordClaims'

export interface InRecordCall<R> {
  claims: RecordClaims
  receipt: SubmitReceipt
  /** Where this submit's record is, from the payload alone (the rating's id, the visit's code). */
  ref: RatingRef
  /** The first result, rebuilt from the record that carries the key. */
  recover: (recordKey: string) => Promise<R | null>
}

/**
 * What the steps did: stored the record (and answer `result`), or found it held by this key, or found
 * the key's idempotency record, kept by a submit made before records were claims (SQLite).
 */
export type InRecordOutcome<R> = { kind: 'done'; result: R } | { kind: 'held'; receipt: RatingReceipt } | { kind: 'recorded'; record: IdempotencyRecord }

export async function submitInRecord<R>(call: InRecordCall<R>, steps: () => Promise<InRecordOutcome<R>>): Promise<R> {
  let outcome: InRecordOutcome<R>
  try {
    outcome = await steps()
  } catch (error) {
    // Refused now: was it this submit's first call that stored the record?
    const receipt = error instanceof ApiError ? await call.claims.receiptOf(call.ref) : null
    if (receipt === null || receipt.key !== call.receipt.key) throw error
    outcome = { kind: 'held', receipt }
  }
  if (outcome.kind === 'done') return outcome.result
  const { payloadHash } = outcome.kind === 'held' ? outcome.receipt : outcome.record
  if (payloadHash !== undefined && payloadHash !== call.receipt.payloadHash) throw mismatch()
  if (outcome.kind === 'recorded' && outcome.record.pending !== true) return outcome.record.result as R
  return (await call.recover(call.receipt.key)) ?? busy()
}
