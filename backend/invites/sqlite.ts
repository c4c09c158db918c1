// The SQLite side of InviteStore (backend/invites/store.ts). Creates its own tables.
// Accepting an invite is one SQLite transaction (synchronous, so two acceptances cannot interleave):
// the invite's mark, the principals and the binding change all land or none does. Principals are read
// from SqliteStore's in-memory cache, so every binding change tells it (`onPrincipalsChanged`).
// Staff invites name no worker record, so they have a table of their own (invites.worker_code
// is NOT NULL and references workers); an invite code is looked up in both.
import type Database from 'better-sqlite3'
import type {
  AcceptOutcome,
  BindingChangeRecord,
  InviteAcceptance,
  InviteRecord,
  InviteStore,
  StaffInviteRecord,
  WorkerInviteRecord,
} from './store'
import { isStaffInvite } from './store'
import { type PrincipalRow, principalRow } from '../store/sqlite/schema'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS invites (
  invite_code TEXT PRIMARY KEY,
  worker_code TEXT NOT NULL REFERENCES workers (code),
  community_id TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_by TEXT,
  used_at TEXT
) WITHOUT ROWID;
-- Append-only: one row per accepted invite (the start of the audit log).
CREATE TABLE IF NOT EXISTS binding_changes (
  seq INTEGER PRIMARY KEY,
  invite_code TEXT NOT NULL UNIQUE,
  worker_code TEXT NOT NULL,
  old_openid TEXT,
  new_openid TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS invites_by_worker ON invites (worker_code, created_at);
CREATE INDEX IF NOT EXISTS binding_changes_by_worker ON binding_changes (worker_code, seq);
CREATE INDEX IF NOT EXISTS principals_by_worker ON principals (worker_code);
-- Staff invites: whom accepting makes sub-district staff or a community admin.
CREATE TABLE IF NOT EXISTS staff_invites (
  invite_code TEXT PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('subdistrict', 'community')),
  name TEXT NOT NULL,
  subdistrict_id TEXT NOT NULL,
  community_id TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_by TEXT,
  used_at TEXT
) WITHOUT ROWID;
`

interface StaffInviteRow {
  inviteCode: string
  role: StaffInviteRecord['staff']['role']
  name: string
  subdistrictId: string
  communityId: string | null
  createdBy: string
  createdAt: string
  expiresAt: string
  usedBy: string | null
  usedAt: string | null
}

const STAFF_INVITE_SELECT = `SELECT invite_code AS inviteCode, role, name, subdistrict_id AS subdistrictId, community_id AS communityId,
  created_by AS createdBy, created_at AS createdAt, expires_at AS expiresAt, used_by AS usedBy, used_at AS usedAt FROM staff_invites`

function staffInviteOf(row: StaffInviteRow): StaffInviteRecord {
  const { role, name, subdistrictId, communityId, usedBy, usedAt, ...terms } = row
  const staff: StaffInviteRecord['staff'] = { role, name, subdistrictId, ...(communityId !== null ? { communityId } : {}) }
  return { ...terms, staff, ...(usedBy !== null ? { usedBy } : {}), ...(usedAt !== null ? { usedAt } : {}) }
}

function staffInviteRow(invite: StaffInviteRecord): StaffInviteRow {
  const { staff, usedBy, usedAt, ...terms } = invite
  return { ...terms, role: staff.role, name: staff.name, subdistrictId: staff.subdistrictId, communityId: staff.communityId ?? null, usedBy: usedBy ?? null, usedAt: usedAt ?? null }
}

interface InviteRow {
  inviteCode: string
  workerCode: string
  communityId: string
  createdBy: string
  createdAt: string
  expiresAt: string
  usedBy: string | null
  usedAt: string | null
}

const INVITE_SELECT = `SELECT invite_code AS inviteCode, worker_code AS workerCode, community_id AS communityId,
  created_by AS createdBy, created_at AS createdAt, expires_at AS expiresAt, used_by AS usedBy, used_at AS usedAt FROM invites`

function inviteOf(row: InviteRow): WorkerInviteRecord {
  const { usedBy, usedAt, ...invite } = row
  return { ...invite, ...(usedBy !== null ? { usedBy } : {}), ...(usedAt !== null ? { usedAt } : {}) }
}

export class SqliteInviteStore implements InviteStore {
  private readonly stmt
  private readonly accept: (acceptance: InviteAcceptance) => AcceptOutcome

  constructor(db: Database.Database, private readonly onPrincipalsChanged: () => void = () => undefined) {
    db.exec(SCHEMA)
    this.stmt = {
      put: db.prepare<InviteRow>(`INSERT INTO invites (invite_code, worker_code, community_id, created_by, created_at, expires_at, used_by, used_at)
        VALUES (@inviteCode, @workerCode, @communityId, @createdBy, @createdAt, @expiresAt, @usedBy, @usedAt)`),
      get: db.prepare<[string], InviteRow>(`${INVITE_SELECT} WHERE invite_code = ?`),
      putStaff: db.prepare<StaffInviteRow>(`INSERT INTO staff_invites (invite_code, role, name, subdistrict_id, community_id, created_by, created_at, expires_at, used_by, used_at)
        VALUES (@inviteCode, @role, @name, @subdistrictId, @communityId, @createdBy, @createdAt, @expiresAt, @usedBy, @usedAt)`),
      getStaff: db.prepare<[string], StaffInviteRow>(`${STAFF_INVITE_SELECT} WHERE invite_code = ?`),
      markStaffUsed: db.prepare<[string, string, string]>('UPDATE staff_invites SET used_by = ?, used_at = ? WHERE invite_code = ? AND used_by IS NULL'),
      list: db.prepare<[string], InviteRow>(`${INVITE_SELECT} WHERE worker_code = ? ORDER BY created_at, invite_code`),
      markUsed: db.prepare<[string, string, string]>('UPDATE invites SET used_by = ?, used_at = ? WHERE invite_code = ? AND used_by IS NULL'),
      isBound: db.prepare<[string], { found: number }>('SELECT 1 AS found FROM principals WHERE openid = ?'),
      boundTo: db.prepare<[string], { openid: string }>('SELECT openid FROM principals WHERE worker_code = ? ORDER BY openid'),
      unbind: db.prepare<[string]>('DELETE FROM principals WHERE worker_code = ?'),
      bind: db.prepare<PrincipalRow>(`INSERT INTO principals (openid, role, name, worker_code, community_id, subdistrict_id)
        VALUES (@openid, @role, @name, @workerCode, @communityId, @subdistrictId)`),
      record: db.prepare<BindingChangeRecord>(`INSERT INTO binding_changes (invite_code, worker_code, old_openid, new_openid, at)
        VALUES (@inviteCode, @workerCode, @oldOpenid, @newOpenid, @at)`),
      bound: db.prepare<[string], { workerCode: string }>(
        'SELECT DISTINCT worker_code AS workerCode FROM principals WHERE worker_code IN (SELECT value FROM json_each(?))',
      ),
      changes: db.prepare<[string], BindingChangeRecord>(`SELECT invite_code AS inviteCode, worker_code AS workerCode,
        old_openid AS oldOpenid, new_openid AS newOpenid, at FROM binding_changes WHERE worker_code = ? ORDER BY seq`),
    }
    this.accept = db.transaction((acceptance: InviteAcceptance): AcceptOutcome => {
      const { inviteCode, principal, at } = acceptance
      const staffInvite = this.stmt.getStaff.get(inviteCode)
      if (staffInvite !== undefined) {
        if (staffInvite.usedBy !== null) return { accepted: false, reason: 'used' }
        if (at >= staffInvite.expiresAt) return { accepted: false, reason: 'expired' }
        if (this.stmt.isBound.get(principal.openid) !== undefined) return { accepted: false, reason: 'bound' }
        this.stmt.bind.run(principalRow(principal))
        this.stmt.markStaffUsed.run(principal.openid, at, inviteCode)
        return { accepted: true, change: null }
      }
      const invite = this.stmt.get.get(inviteCode)
      if (invite === undefined) throw new Error(`acceptInvite: no invite ${inviteCode}`)
      if (invite.usedBy !== null) return { accepted: false, reason: 'used' }
      if (at >= invite.expiresAt) return { accepted: false, reason: 'expired' }
      if (this.stmt.isBound.get(principal.openid) !== undefined) return { accepted: false, reason: 'bound' }
      // Whoever held the record before becomes a resident: their principal goes.
      const previous = this.stmt.boundTo.all(invite.workerCode).map((row) => row.openid)
      this.stmt.unbind.run(invite.workerCode)
      this.stmt.bind.run(principalRow({ ...principal, workerCode: invite.workerCode }))
      this.stmt.markUsed.run(principal.openid, at, inviteCode)
      const change: BindingChangeRecord = { inviteCode, workerCode: invite.workerCode, oldOpenid: previous[0] ?? null, newOpenid: principal.openid, at }
      this.stmt.record.run(change)
      return { accepted: true, change }
    })
  }

  async putInvite(invite: InviteRecord): Promise<void> {
    // A code is new in both tables: the one lookup of getInvite must find one invite only.
    if (this.stmt.get.get(invite.inviteCode) !== undefined || this.stmt.getStaff.get(invite.inviteCode) !== undefined) {
      throw new Error(`putInvite: invite code ${invite.inviteCode} is taken`)
    }
    if (isStaffInvite(invite)) this.stmt.putStaff.run(staffInviteRow(invite))
    else this.stmt.put.run({ ...invite, usedBy: invite.usedBy ?? null, usedAt: invite.usedAt ?? null })
  }

  async getInvite(inviteCode: string): Promise<InviteRecord | null> {
    const row = this.stmt.get.get(inviteCode)
    if (row !== undefined) return inviteOf(row)
    const staffRow = this.stmt.getStaff.get(inviteCode)
    return staffRow === undefined ? null : staffInviteOf(staffRow)
  }

  async listInvites(workerCode: string): Promise<WorkerInviteRecord[]> {
    return this.stmt.list.all(workerCode).map(inviteOf)
  }

  async acceptInvite(acceptance: InviteAcceptance): Promise<AcceptOutcome> {
    const outcome = this.accept(acceptance)
    if (outcome.accepted) this.onPrincipalsChanged()
    return outcome
  }

  async listBoundWorkerCodes(workerCodes: string[]): Promise<string[]> {
    return this.stmt.bound.all(JSON.stringify(workerCodes)).map((row) => row.workerCode)
  }

  async listBindingChanges(workerCode: string): Promise<BindingChangeRecord[]> {
    return this.stmt.changes.all(workerCode)
  }
}
