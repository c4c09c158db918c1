// The SQLite side of CatalogStore (cloudfunctions/api/src/stores/catalog.ts). Creates its own tables.
import type Database from 'better-sqlite3'
import type { CatalogStore } from '../../cloudfunctions/api/src/stores/catalog'

export class SqliteCatalogStore implements CatalogStore {
  constructor(readonly db: Database.Database) {}
}
