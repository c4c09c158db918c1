// The SQLite side of FieldTimeStore (cloudfunctions/api/src/stores/fieldTime.ts). Creates its own tables.
import type Database from 'better-sqlite3'
import type { FieldTimeStore } from '../../cloudfunctions/api/src/stores/fieldTime'

export class SqliteFieldTimeStore implements FieldTimeStore {
  constructor(readonly db: Database.Database) {}
}
