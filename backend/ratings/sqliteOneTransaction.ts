// The SQLite side of OneTransactionSubmits (oneTransaction.ts). A whole submit is one job of the group
// commit (backend/store/sqlite/groupCommit.ts), synchronous from its first statement to its last: the
// idempotency record, the rate-limit count, the rating or feedback with its tallies, its case and the
// result share one transaction, and the submits arriving beside it share its COMMIT. Every refusal comes before the
// first write or undoes the only write before it (the count), so a refused submit stores nothing.
import type { Settings } from '@core/types'
import type { SqliteAuditStore } from '../audit/sqlite'
import type { SqliteCaseStore } from '../cases/sqlite'
import type { SqliteFeedback } from '../feedback/sqlite'
import type { SqliteIdempotency } from '../idempotency/sqlite'
import { limitsIn } from '../limits/rateLimits'
import type { SqliteLimitStore } from '../limits/sqlite'
import type { GroupCommit } from '../store/sqlite/groupCommit'
import type { OneTransactionSubmits, WholeSubmit, WholeSubmitOutcome } from './oneTransaction'
import type { SqliteRatings } from './sqlite'

export interface WholeSubmitParts {
  commits: GroupCommit
  idempotency: SqliteIdempotency
  limits: SqliteLimitStore
  ratings: SqliteRatings
  feedback: SqliteFeedback
  cases: SqliteCaseStore
  audit: SqliteAuditStore
  /** The settings in force, read inside the transaction (the rate limits). */
  settings: () => Settings | null
}

export class SqliteWholeSubmits implements OneTransactionSubmits {
  constructor(private readonly parts: WholeSubmitParts) {}

  submitWhole<R>(submit: WholeSubmit<R>): Promise<WholeSubmitOutcome<R>> {
    return this.parts.commits.run(() => this.write(submit))
  }

  /** Inside the group commit's transaction; run again alone if its batch fails, so it keeps no state of its own. */
  private write<R>(submit: WholeSubmit<R>): WholeSubmitOutcome<R> {
    const { idempotency, limits, ratings, feedback, cases, audit, settings } = this.parts
    const { key, rater, stored } = submit
    const record = idempotency.get(key)
    if (record !== null) return { kind: 'taken', record }
    // The limits are read only when the rater already counted today, as LimitStore.take does.
    const verdict = limits.takeNow(rater, submit.take, () => limitsIn(settings()))
    if (!verdict.allowed) return { kind: 'limited', window: verdict.window, limits: limitsIn(settings()) }
    let replaced = false
    if (stored.kind === 'resident') {
      // The receipt names the record's key, as on the multi-step path (docs/idempotency.md).
      replaced = ratings.write(stored.rating, key).replaced
    } else if (!feedback.write(stored.feedback).inserted) {
      limits.giveBackNow(rater, verdict.undo)
      return { kind: 'duplicate' }
    }
    const opening = submit.caseOpening
    // Keyed by the rating: a re-rate to 1 or 2 finds its case there and adds nothing (cases/badReviews.ts).
    if (opening !== undefined && cases.openNow(opening.record)) audit.appendNow(opening.audit, opening.auditKey)
    const result = submit.result(replaced)
    idempotency.put({ key, result, createdAt: submit.claimedAt, payloadHash: submit.payloadHash })
    return { kind: 'done', result, replaced }
  }
}
