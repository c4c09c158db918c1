// SqliteStore's part of exactly-once submits (docs/idempotency.md). A claim is a row whose result is ''
// (JSON.stringify never yields ''), so an older database needs no migration; a rating's receipt commits
// in the rating's own transaction, so it exists exactly when the rating does.
import type Database from 'better-sqlite3'
import type { IdempotencyRecord, RatingReceipt } from '../store'

const PENDING = ''

export class SqliteIdempotency {
  private readonly stmt

  constructor(db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS rating_receipts (
      rating_id TEXT PRIMARY KEY,
      key TEXT NOT NULL,
      replaced INTEGER NOT NULL
    ) WITHOUT ROWID`)
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
      putReceipt: db.prepare<[string, string, number]>(
        'INSERT INTO rating_receipts (rating_id, key, replaced) VALUES (?, ?, ?) ON CONFLICT (rating_id) DO UPDATE SET key = excluded.key, replaced = excluded.replaced',
      ),
      dropReceipt: db.prepare<[string]>('DELETE FROM rating_receipts WHERE rating_id = ?'),
      getReceipt: db.prepare<[string], { key: string; replaced: number }>('SELECT key, replaced FROM rating_receipts WHERE rating_id = ?'),
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

  /** Inside the rating's transaction: the receipt of the write that now holds the rating (none without a key). */
  writeReceipt(ratingId: string, key: string | undefined, replaced: boolean): void {
    if (key === undefined) this.stmt.dropReceipt.run(ratingId)
    else this.stmt.putReceipt.run(ratingId, key, replaced ? 1 : 0)
  }

  receipt(ratingId: string): RatingReceipt | null {
    const row = this.stmt.getReceipt.get(ratingId)
    return row === undefined ? null : { key: row.key, replaced: row.replaced === 1 }
  }
}
