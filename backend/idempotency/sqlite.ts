// SqliteStore's part of exactly-once submits (docs/idempotency.md). A claim is a row whose result is ''
// (JSON.stringify never yields ''), so an older database needs no migration. A rating's or feedback's
// receipt (the submit's key, its payload's hash, `replaced`) is columns of the record's own row, written
// by the record's own statement (backend/ratings/sqlite.ts, backend/feedback/sqlite.ts), so it exists
// exactly when the record does and costs no page of its own: the whole submit's claim (sqliteRecordClaims.ts).
import type Database from 'better-sqlite3'
import type { IdempotencyRecord, RatingReceipt } from '../store'

const PENDING = ''

export class SqliteIdempotency {
  private readonly stmt

  constructor(db: Database.Database) {
    addReceiptColumns(db)
    addPayloadHashColumns(db)
    const columns = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('idempotency')").all()
    if (!columns.some((column) => column.name === 'payload_hash')) db.exec('ALTER TABLE idempotency ADD COLUMN payload_hash TEXT')
    this.stmt = {
      get: db.prepare<[string], { key: string; result: string; createdAt: string; payloadHash: string | null }>(
        'SELECT key, result, created_at AS createdAt, payload_hash AS payloadHash FROM idempotency WHERE key = ?',
      ),
      claim: db.prepare<[string, string, string, string | null]>(
        'INSERT INTO idempotency (key, result, created_at, payload_hash) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO NOTHING',
      ),
      takeOver: db.prepare<[string, string, string, string]>('UPDATE idempotency SET created_at = ? WHERE key = ? AND created_at = ? AND result = ?'),
      release: db.prepare<[string, string, string]>('DELETE FROM idempotency WHERE key = ? AND created_at = ? AND result = ?'),
      // The first result wins: a pending claim is completed, a missing record created, a result never replaced.
      put: db.prepare<[string, string, string, string | null, string]>(
        `INSERT INTO idempotency (key, result, created_at, payload_hash) VALUES (?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET result = excluded.result WHERE idempotency.result = ?`,
      ),
      getReceipt: db.prepare<[string], ReceiptRow>(
        'SELECT receipt_key AS key, receipt_replaced AS replaced, receipt_payload_hash AS payloadHash FROM resident_ratings WHERE id = ?',
      ),
      getFeedbackReceipt: db.prepare<[string], ReceiptRow>(
        'SELECT receipt_key AS key, 0 AS replaced, receipt_payload_hash AS payloadHash FROM feedback WHERE service_id = ?',
      ),
      // A key is bound to one payload: whichever of the rater's records carries it (found through the
      // raters' indexes, backend/reviews/sqlite.ts: a read, no index of its own to write).
      ratingHolding: db.prepare<[string, string], ReceiptRow>(
        'SELECT receipt_key AS key, receipt_replaced AS replaced, receipt_payload_hash AS payloadHash FROM resident_ratings WHERE openid = ? AND receipt_key = ? LIMIT 1',
      ),
      feedbackHolding: db.prepare<[string, string], ReceiptRow>(
        'SELECT receipt_key AS key, 0 AS replaced, receipt_payload_hash AS payloadHash FROM feedback WHERE openid = ? AND receipt_key = ? LIMIT 1',
      ),
    }
  }

  get(key: string): IdempotencyRecord | null {
    const row = this.stmt.get.get(key)
    if (row === undefined) return null
    const record: IdempotencyRecord = row.result === PENDING
      ? { key: row.key, result: null, createdAt: row.createdAt, pending: true }
      : { key: row.key, result: JSON.parse(row.result) as unknown, createdAt: row.createdAt }
    if (row.payloadHash !== null) record.payloadHash = row.payloadHash
    return record
  }

  claim(key: string, claimedAt: string, payloadHash?: string): IdempotencyRecord | null {
    return this.stmt.claim.run(key, PENDING, claimedAt, payloadHash ?? null).changes === 1 ? null : this.get(key)
  }

  takeOver(key: string, staleAt: string, claimedAt: string): boolean {
    return this.stmt.takeOver.run(claimedAt, key, staleAt, PENDING).changes === 1
  }

  release(key: string, claimedAt: string): void {
    this.stmt.release.run(key, claimedAt, PENDING)
  }

  put(record: IdempotencyRecord): void {
    this.stmt.put.run(record.key, JSON.stringify(record.result ?? null), record.createdAt, record.payloadHash ?? null, PENDING)
  }

  receipt(ratingId: string): RatingReceipt | null {
    return receiptOf(this.stmt.getReceipt.get(ratingId))
  }

  feedbackReceipt(serviceId: string): RatingReceipt | null {
    return receiptOf(this.stmt.getFeedbackReceipt.get(serviceId))
  }

  /** The receipt of the rater's rating (or feedback) that carries this key, if one does. */
  holding(kind: 'resident' | 'recipient', openid: string, key: string): RatingReceipt | null {
    return receiptOf((kind === 'resident' ? this.stmt.ratingHolding : this.stmt.feedbackHolding).get(openid, key))
  }
}

interface ReceiptRow {
  key: string | null
  replaced: number | null
  payloadHash: string | null
}

/** A row written before payload hashes were kept (or by the multi-step path) has none: no mismatch check then. */
function receiptOf(row: ReceiptRow | undefined): RatingReceipt | null {
  if (row === undefined || row.key === null) return null
  const receipt: RatingReceipt = { key: row.key, replaced: row.replaced === 1 }
  if (row.payloadHash !== null) receipt.payloadHash = row.payloadHash
  return receipt
}

/** A receipt as a record's write carries it: the multi-step path's names only the key. */
export type RowReceipt = { key: string; payloadHash?: string }

/** The receipt's columns as a rating write sets them: none without a receipt. */
export function receiptColumns(receipt: RowReceipt | undefined, replaced: boolean): { receiptKey: string | null; receiptReplaced: number | null; receiptHash: string | null } {
  if (receipt === undefined) return { receiptKey: null, receiptReplaced: null, receiptHash: null }
  return { receiptKey: receipt.key, receiptReplaced: replaced ? 1 : 0, receiptHash: receipt.payloadHash ?? null }
}

/** The payload hash on ratings and the receipt on feedback, added to a database made before (empty there: no check). */
function addPayloadHashColumns(db: Database.Database): void {
  const has = (table: string, column: string) =>
    db.prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)').all(table).some((c) => c.name === column)
  if (!has('resident_ratings', 'receipt_payload_hash')) db.exec('ALTER TABLE resident_ratings ADD COLUMN receipt_payload_hash TEXT')
  if (!has('feedback', 'receipt_key')) db.exec('ALTER TABLE feedback ADD COLUMN receipt_key TEXT; ALTER TABLE feedback ADD COLUMN receipt_payload_hash TEXT')
}

/**
 * The receipt's two columns of resident_ratings, added to a database made before; the receipts such a
 * database kept in a table of their own move into them.
 */
function addReceiptColumns(db: Database.Database): void {
  const columns = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('resident_ratings')").all()
  if (columns.some((column) => column.name === 'receipt_key')) return
  db.transaction(() => {
    db.exec('ALTER TABLE resident_ratings ADD COLUMN receipt_key TEXT; ALTER TABLE resident_ratings ADD COLUMN receipt_replaced INTEGER')
    if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'rating_receipts'").get() === undefined) return
    db.exec(`UPDATE resident_ratings SET receipt_key = r.key, receipt_replaced = r.replaced FROM rating_receipts AS r WHERE r.rating_id = resident_ratings.id;
      DROP TABLE rating_receipts`)
  })()
}
