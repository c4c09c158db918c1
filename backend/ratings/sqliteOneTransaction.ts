// The SQLite side of OneTransactionSubmits (oneTransaction.ts). A whole submit is one job of the group
// commit (backend/store/sqlite/groupCommit.ts), synchronous from its first statement to its last: the
// rate-limit count and the rating or feedback with its receipt (the submit's claim: sqliteRecordClaims.ts)
// and tallies share one transaction, and the submits arriving beside them share its COMMIT. No
// idempotency row is written. Every refusal comes before the first write or undoes the only write before
// it (the count), so a refused submit stores nothing. A bad rating's case is queued once the rating is
// committed, and written with the others of the next moment (cases/sqlitePendingOpenings.ts).
import type { Settings } from '@core/types'
import type { PendingCaseOpenings } from '../cases/sqlitePendingOpenings'
import type { SqliteFeedback } from '../feedback/sqlite'
import { LEASE_MS } from '../idempotency/idempotency'
import type { SqliteIdempotency } from '../idempotency/sqlite'
import type { IdempotencyRecord } from '../store/records'
import { limitsIn } from '../limits/rateLimits'
import type { SqliteLimitStore } from '../limits/sqlite'
import type { GroupCommit } from '../store/sqlite/groupCommit'
import type { OneTransactionSubmits, WholeSubmit, WholeSubmitOutcome } from './oneTransaction'
import type { SqliteRatings } from './sqlite'
import type { SqliteRecordClaims } from './sqliteRecordClaims'

export interface WholeSubmitParts {
  commits: GroupCommit
  idempotency: SqliteIdempotency
  limits: SqliteLimitStore
  ratings: SqliteRatings
  feedback: SqliteFeedback
  /** Where a committed bad rating's case waits to be written. */
  openings: PendingCaseOpenings
  claims: SqliteRecordClaims
  /** The settings in force, read inside the transaction (the rate limits). */
  settings: () => Settings | null
}

/**
 * A claim of this payload older than the lease, whose run stored no record (none carries the key): its
 * claimer died before writing, so this submit runs in its stead, as a take-over would (docs/idempotency.md).
 */
function orphaned(record: IdempotencyRecord, submit: WholeSubmit<unknown>): boolean {
  if (record.pending !== true || (record.payloadHash !== undefined && record.payloadHash !== submit.payloadHash)) return false
  const at = submit.stored.kind === 'resident' ? submit.stored.rating.submittedAt : submit.stored.feedback.submittedAt
  return Date.parse(at) - Date.parse(record.createdAt) > LEASE_MS
}

export class SqliteWholeSubmits implements OneTransactionSubmits {
  constructor(private readonly parts: WholeSubmitParts) {}

  submitWhole<R>(submit: WholeSubmit<R>): Promise<WholeSubmitOutcome<R>> {
    const { caseOpening } = submit
    if (caseOpening === undefined) return this.parts.commits.run(() => this.write(submit))
    // Keyed by the rating: a re-rate to 1 or 2 finds its case there and adds nothing (cases/badReviews.ts).
    return this.parts.commits.run(
      () => this.write(submit),
      (outcome) => {
        if (outcome.kind === 'done') this.parts.openings.add(caseOpening)
      },
    )
  }

  /** Inside the group commit's transaction; run again alone if its batch fails, so it keeps no state of its own. */
  private write<R>(submit: WholeSubmit<R>): WholeSubmitOutcome<R> {
    const { idempotency, limits, ratings, feedback, claims, settings } = this.parts
    const { key, rater, stored } = submit
    const receipt = { key, payloadHash: submit.payloadHash }
    // A retry: its record carries its key already (claimInRecord.ts answers from it).
    const held = claims.heldNow(stored.kind, rater, key)
    if (held !== null) return { kind: 'held', receipt: held }
    // A submit made before the record was its claim kept an idempotency row: a read, never written now.
    const record = idempotency.get(key)
    if (record !== null && !orphaned(record, submit)) return { kind: 'taken', record }
    // The limits are read only when the rater already counted today, as LimitStore.take does.
    const verdict = limits.takeNow(rater, submit.take, () => limitsIn(settings()))
    if (!verdict.allowed) return { kind: 'limited', window: verdict.window, limits: limitsIn(settings()) }
    let replaced = false
    if (stored.kind === 'resident') {
      replaced = ratings.write(stored.rating, receipt).replaced
      // A bad rating re-rated within moments: its case, still queued, is written with the re-rate.
      if (replaced) this.parts.openings.writeQueuedNow({ kind: 'resident', id: stored.rating.id })
    } else if (!feedback.write(stored.feedback, receipt).inserted) {
      limits.giveBackNow(rater, verdict.undo)
      return { kind: 'duplicate' }
    }
    if (submit.caseOpening !== undefined) this.parts.openings.noteNow(submit.caseOpening.record.openedAt)
    return { kind: 'done', result: submit.result(replaced), replaced }
  }
}
