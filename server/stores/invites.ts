// The SQLite side of InviteStore (cloudfunctions/api/src/stores/invites.ts). Creates its own tables.
import type Database from 'better-sqlite3'
import type { InviteStore } from '../../cloudfunctions/api/src/stores/invites'

export class SqliteInviteStore implements InviteStore {
  constructor(readonly db: Database.Database) {}
}
