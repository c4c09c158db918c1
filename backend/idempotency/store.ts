// Exactly-once submits: claims and first results (docs/idempotency.md has the protocol). Part of the
// Store (backend/store/index.ts): implemented by backend/idempotency/sqlite.ts (SQLite) and
// backend/idempotency/cloudbase.ts (CloudBase), checked by test/storeContracts/idempotency.ts.
import type { IdempotencyRecord } from '../store/records'

export interface IdempotencyStore {
  getIdempotent(key: string): Promise<IdempotencyRecord | null>
  /**
   * Claims the key (a pending record, no result, with the payload's hash) at `claimedAt`; null when
   * claimed, else the record already there. The hash stays with the record and is never replaced.
   */
  claimIdempotent(key: string, claimedAt: string, payloadHash?: string): Promise<IdempotencyRecord | null>
  /** Moves a still-pending claim of `staleAt` to `claimedAt` (compare-and-set); false when someone else moved or finished it. */
  takeOverIdempotent(key: string, staleAt: string, claimedAt: string): Promise<boolean>
  /** Removes a still-pending claim of `claimedAt` (its run was rejected: a rejected call stores nothing). */
  releaseIdempotent(key: string, claimedAt: string): Promise<void>
  /** Stores the first result: completes a pending claim, or creates the record; never replaces a result. */
  putIdempotent(record: IdempotencyRecord): Promise<void>
}
