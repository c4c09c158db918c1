// One-time invites that bind a WeChat identity to a worker or staff record, and the record of every binding change.
// Part of the Store (backend/store/index.ts): one interface, implemented by backend/invites/sqlite.ts (SQLite) and
// backend/invites/cloudbase.ts (CloudBase), checked by one contract suite
// (test/storeContracts/invites.ts).
import type { StaffInviteRole } from '@core/org'
import type { PrincipalRecord } from '../store/records'

/** What every invite has: its code, who made it and when, until when it works, and who used it. */
interface InviteTerms {
  /** <= 32 scene-safe characters, at least 10 of them random: the `scene` of the invite's code. */
  inviteCode: string
  /** The staff member who made it (a community admin for a worker; the bureau or sub-district staff for staff). */
  createdBy: string
  /** ISO instants. */
  createdAt: string
  expiresAt: string
  /** Who accepted it and when; absent while it is unused. An invite works once. */
  usedBy?: string
  usedAt?: string
}

/** An invite that binds a WeChat identity to a worker record. */
export interface WorkerInviteRecord extends InviteTerms {
  workerCode: string
  communityId: string
}

/**
 * Whom a staff invite makes of the person who accepts it: sub-district staff of
 * `subdistrictId`, or an admin of `communityId` (in `subdistrictId`). `name` is the person's, as the
 * inviter wrote it; it becomes their account's name.
 */
export interface StaffInvitee {
  role: StaffInviteRole
  name: string
  subdistrictId: string
  communityId?: string
}

/** An invite that binds a WeChat identity as staff: no worker record, a new staff account. */
export interface StaffInviteRecord extends InviteTerms {
  staff: StaffInvitee
}

export type InviteRecord = WorkerInviteRecord | StaffInviteRecord

export function isStaffInvite(invite: InviteRecord): invite is StaffInviteRecord {
  return 'staff' in invite
}

/**
 * One change of who is bound to a worker record, made by accepting an invite. Append-only: the start
 * of the audit log. `oldOpenid` is null when the record was not bound before.
 */
export interface BindingChangeRecord {
  inviteCode: string
  workerCode: string
  oldOpenid: string | null
  newOpenid: string
  at: string
}

/** A worker's binding as an invite makes it: the worker record's principal of the accepting openid. */
export type WorkerPrincipal = PrincipalRecord & { role: 'worker'; workerCode: string }

/** A staff member's binding as a staff invite makes it. */
export type StaffPrincipal = PrincipalRecord & { role: StaffInviteRole; subdistrictId: string }

export interface InviteAcceptance {
  inviteCode: string
  /** A worker invite's acceptance binds a WorkerPrincipal, a staff invite's a StaffPrincipal. */
  principal: WorkerPrincipal | StaffPrincipal
  /** ISO instant of the acceptance. */
  at: string
}

/**
 * `used`: someone else accepted the invite first (also when two accept it at once: exactly one wins);
 * `bound`: the openid got bound to a record meanwhile; `expired`: `at` is past the invite's end.
 * A refused acceptance changes nothing.
 */
export type AcceptOutcome =
  | { accepted: true; change: BindingChangeRecord }
  /** A staff invite: a new account, nobody's record moves, so there is no binding change (the invite keeps who and when). */
  | { accepted: true; change: null }
  | { accepted: false; reason: 'used' | 'bound' | 'expired' }

export interface InviteStore {
  /** Stores a new invite; its code is new (the caller made it random). */
  putInvite(invite: InviteRecord): Promise<void>
  getInvite(inviteCode: string): Promise<InviteRecord | null>
  /** The invites made for a worker record, oldest first. */
  listInvites(workerCode: string): Promise<WorkerInviteRecord[]>
  /**
   * Accepts an unused, unexpired invite, all or nothing. A staff invite: the invite is marked used by the
   * openid and the openid gets the given staff principal (refused, `bound`, when it has one already).
   * A worker invite: the invite is marked used by the openid, the
   * openid is bound to the invite's worker record (its principal stored), whoever was bound to that record
   * before becomes a resident (their principal removed), and the change is recorded. Race-safe: of two
   * acceptances of one invite exactly one wins; an openid never ends up bound to two records, nor a
   * record to two openids. Reads of principals (getPrincipal) see the change at once.
   */
  acceptInvite(acceptance: InviteAcceptance): Promise<AcceptOutcome>
  /** Which of these worker records have a WeChat identity bound to them (any order). */
  listBoundWorkerCodes(workerCodes: string[]): Promise<string[]>
  /** The binding changes of a worker record, oldest first. */
  listBindingChanges(workerCode: string): Promise<BindingChangeRecord[]>
}
