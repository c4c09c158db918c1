// One-time invites that bind a WeChat identity to a worker or staff record, and the record of every binding change (issue 7).
// Part of the Store (store.ts): one interface, implemented by server/stores/invites.ts (SQLite) and
// cloudfunctions/api/src/cloudStores/invites.ts (CloudBase), checked by one contract suite
// (test/storeContracts/invites.ts).
import type { PrincipalRecord } from './records'

export interface InviteRecord {
  /** <= 32 scene-safe characters, at least 10 of them random: the `scene` of the invite's code. */
  inviteCode: string
  workerCode: string
  communityId: string
  /** The community admin who made it. */
  createdBy: string
  /** ISO instants. */
  createdAt: string
  expiresAt: string
  /** Who accepted it and when; absent while it is unused. An invite works once. */
  usedBy?: string
  usedAt?: string
}

/**
 * One change of who is bound to a worker record, made by accepting an invite. Append-only: the start
 * of the audit log (issue 9). `oldOpenid` is null when the record was not bound before.
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

export interface InviteAcceptance {
  inviteCode: string
  principal: WorkerPrincipal
  /** ISO instant of the acceptance. */
  at: string
}

/**
 * `used`: someone else accepted the invite first (also when two accept it at once: exactly one wins);
 * `bound`: the openid got bound to a record meanwhile; `expired`: `at` is past the invite's end.
 * A refused acceptance changes nothing.
 */
export type AcceptOutcome = { accepted: true; change: BindingChangeRecord } | { accepted: false; reason: 'used' | 'bound' | 'expired' }

export interface InviteStore {
  /** Stores a new invite; its code is new (the caller made it random). */
  putInvite(invite: InviteRecord): Promise<void>
  getInvite(inviteCode: string): Promise<InviteRecord | null>
  /** The invites made for a worker record, oldest first. */
  listInvites(workerCode: string): Promise<InviteRecord[]>
  /**
   * Accepts an unused, unexpired invite, all or nothing: the invite is marked used by the openid, the
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
