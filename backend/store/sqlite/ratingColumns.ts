// Two columns of resident_ratings and feedback added after the tables (schema.ts creates those): `exclusion`, the
// JSON of the Exclusion that took the rating out of the counting (NULL while it counts), and
// `client_hash`, the keyed hash of the client address it came from (the suspicious-pattern batch reads
// it; the raw address is never stored). A DATA_DIR made before gets them when it opens, as the workers'
// `active` column does (backend/org/sqlite.ts addWorkerActiveColumn).
import type Database from 'better-sqlite3'
import type { Exclusion } from '../records'

// Not `excluded`: in an upsert that name is SQLite's row being proposed (`excluded.level`).

export function addRatingColumns(db: Database.Database): void {
  for (const table of ['resident_ratings', 'feedback']) {
    const columns = db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`).all()
    for (const column of ['exclusion', 'client_hash']) {
      if (!columns.some((c) => c.name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} TEXT`)
    }
  }
}

/** The two columns as a SELECT reads them, for ratingColumnsOf. */
export const RATING_COLUMNS = 'exclusion AS excluded, client_hash AS clientHash'

export interface RatingColumnsRow {
  excluded: string | null
  clientHash: string | null
}

/** A row with the two columns as its record: NULL columns are left out, `excluded` parsed. */
export function ratingColumnsOf<T extends object>(row: WithRatingColumns<T>): T {
  const { excluded, clientHash, ...record } = row
  return {
    ...(record as unknown as T),
    ...(excluded === null ? {} : { excluded: JSON.parse(excluded) as Exclusion }),
    ...(clientHash === null ? {} : { clientHash }),
  } as T
}

/** The two columns' values of a record being written (bulk loads carry both through). */
export function ratingColumnValues(record: { excluded?: Exclusion; clientHash?: string }): RatingColumnsRow {
  return { excluded: record.excluded === undefined ? null : JSON.stringify(record.excluded), clientHash: record.clientHash ?? null }
}

/** A record as a row: the two columns in their SQLite form. */
export type WithRatingColumns<T> = Omit<T, 'excluded' | 'clientHash'> & RatingColumnsRow
