// Tables keyed by a random-looking id (a rating's hash, a case's keyed id) are rowid tables with the id
// as a UNIQUE key. In a WITHOUT ROWID table every row, and every secondary index entry (which carries
// the key), lands on a random page: a rating dirtied the page of its row and of each index, and every
// dirty page is written to the WAL at COMMIT and copied again by the checkpoint. As a rowid table the
// row is appended, the indexes by worker, community or time append within their key, and only the id's
// own index (and any index led by a rater's openid) takes a random page.
import type Database from 'better-sqlite3'

const WITHOUT_ROWID = /\)\s*WITHOUT\s+ROWID\s*$/i

/**
 * A database made while `table` was WITHOUT ROWID gets it rebuilt as a rowid table, with the same
 * columns (those added since included), the same rows and the same indexes. Nothing to do otherwise.
 */
export function rebuildAsRowidTable(db: Database.Database, table: string): void {
  const created = db.prepare<[string], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(table)
  if (created === undefined || !WITHOUT_ROWID.test(created.sql)) return
  const indexes = db.prepare<[string], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").all(table)
  const old = `${table}_without_rowid`
  db.transaction(() => {
    db.exec(`ALTER TABLE ${table} RENAME TO ${old}`)
    db.exec(created.sql.replace(WITHOUT_ROWID, ')'))
    // The same CREATE statement, so the same columns in the same order.
    db.exec(`INSERT INTO ${table} SELECT * FROM ${old}`)
    db.exec(`DROP TABLE ${old}`)
    for (const index of indexes) db.exec(index.sql)
  })()
}
