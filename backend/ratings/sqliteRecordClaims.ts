// Ratings and feedback as their submits' claims on SQLite (recordClaims.ts), as on CloudBase: the submit's
// key and payload hash are columns of the record's own row, so a submit writes no idempotency row (about
// two pages fewer a rating). The whole submit (sqliteOneTransaction.ts) looks here first, inside its
// transaction; claimInRecord.ts decides what a held key answers.
import type { SqliteFeedback } from '../feedback/sqlite'
import type { SqliteIdempotency } from '../idempotency/sqlite'
import type { FeedbackRecord, RatingReceipt, RatingRef, ResidentRatingRecord } from '../store/records'
import type { GroupCommit } from '../store/sqlite/groupCommit'
import type { ClaimedWrite, RecordClaims, SubmitReceipt } from './recordClaims'
import type { SqliteRatings } from './sqlite'

export interface RecordClaimParts {
  commits: GroupCommit
  idempotency: SqliteIdempotency
  ratings: SqliteRatings
  feedback: SqliteFeedback
}

export class SqliteRecordClaims implements RecordClaims {
  constructor(private readonly parts: RecordClaimParts) {}

  /**
   * Inside a transaction: the receipt of the rater's record that carries this key (a retry's own write),
   * whichever it is, so a key sent again for another worker or visit meets its payload hash (422).
   */
  heldNow(kind: RatingRef['kind'], rater: string, key: string): RatingReceipt | null {
    return this.withHash(this.parts.idempotency.holding(kind, rater, key))
  }

  writeRating(rating: ResidentRatingRecord, receipt: SubmitReceipt): Promise<ClaimedWrite> {
    return this.parts.commits.run((): ClaimedWrite => {
      const held = this.heldNow('resident', rating.openid, receipt.key)
      return held !== null ? { kind: 'held', receipt: held } : { kind: 'written', replaced: this.parts.ratings.write(rating, receipt).replaced }
    })
  }

  writeFeedback(feedback: FeedbackRecord, receipt: SubmitReceipt): Promise<ClaimedWrite> {
    return this.parts.commits.run((): ClaimedWrite => {
      const held = this.heldNow('recipient', feedback.openid, receipt.key)
      if (held !== null) return { kind: 'held', receipt: held }
      return this.parts.feedback.write(feedback, receipt).inserted ? { kind: 'written', replaced: false } : { kind: 'duplicate' }
    })
  }

  async receiptOf(ref: RatingRef): Promise<RatingReceipt | null> {
    const { idempotency } = this.parts
    return this.withHash(ref.kind === 'resident' ? idempotency.receipt(ref.id) : idempotency.feedbackReceipt(ref.id))
  }

  /**
   * A record written before payload hashes were kept on it, or by the multi-step protocol, carries none:
   * its key's idempotency row holds it, so the same key with another payload is still refused. Read
   * only for such a receipt.
   */
  private withHash(receipt: RatingReceipt | null): RatingReceipt | null {
    if (receipt === null || receipt.payloadHash !== undefined) return receipt
    const earlier = this.parts.idempotency.get(receipt.key)?.payloadHash
    return earlier === undefined ? receipt : { ...receipt, payloadHash: earlier }
  }
}
