// The CloudBase side of InviteStore (store.ts). An invite is one document, `_id` = its code.
// Accepting one takes two steps, neither of them on a hot path (a worker binds once or twice a year):
// 1. the claim, a compare-and-set on the invite: `where({ _id, usedBy: _.exists(false) }).update()`
//    matches for one caller only, so of two people accepting one invite at once exactly one goes on;
// 2. the binding, one short transaction: the openid's principal (refused if it exists), the removal of
//    whoever held the record, the record's `worker_bindings` document, the binding change. Every
//    acceptance for a record writes that record's binding document, so two acceptances for one record
//    (two invites) conflict and run one after the other; all of it lands, or none of it.
// If the binding is refused, the claim is released: a refused acceptance changes nothing. If an instance
// dies between the two, the invite stays claimed by that openid, and the same person accepting again
// finishes the binding. A staff invite binds a new staff account and moves nobody: after the
// claim, one `add` of the openid's principal (refused when the openid has one: then released, `bound`).
import type { CloudCollections } from '../store/cloudbase/collections'
import { type CloudDb, getOrNull, isDuplicateKey, isTransactionFailure, updatedCount } from '../store/cloudbase/db'
import { listAll } from '../store/cloudbase/lists'
import { defined } from '../store/cloudbase/writes'
import { workerBindingId } from '../store/ids'
import type {
  AcceptOutcome,
  BindingChangeRecord,
  InviteAcceptance,
  InviteRecord,
  InviteStore,
  StaffPrincipal,
  WorkerInviteRecord,
  WorkerPrincipal,
} from './store'
import { isStaffInvite } from './store'

type Db = CloudDb<CloudCollections>

/** The accepting openid is bound to a record already (found inside the transaction). */
class OpenidBound extends Error {}

/** Transaction attempts: a write conflict fails at once and wx-server-sdk does not retry it (DESIGN 7). */
const ATTEMPTS = 4
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Oldest first; the invite code breaks a tie. */
function byTime<T>(time: (item: T) => string, code: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => (time(a) === time(b) ? (code(a) < code(b) ? -1 : 1) : time(a) < time(b) ? -1 : 1)
}

export class CloudInviteStore implements InviteStore {
  constructor(private readonly db: Db) {}

  async putInvite(invite: InviteRecord): Promise<void> {
    await this.db.collection('invites').add({ data: { ...defined(invite), _id: invite.inviteCode } })
  }

  async getInvite(inviteCode: string): Promise<InviteRecord | null> {
    const doc = await getOrNull(this.db.collection('invites').doc(inviteCode))
    if (doc === null) return null
    const { _id, ...invite } = doc
    return invite
  }

  async listInvites(workerCode: string): Promise<WorkerInviteRecord[]> {
    const docs = await listAll(this.db, 'invites', { workerCode } as never)
    return docs.map(({ _id, ...invite }) => invite as WorkerInviteRecord).sort(byTime((invite) => invite.createdAt, (invite) => invite.inviteCode))
  }

  async acceptInvite({ inviteCode, principal, at }: InviteAcceptance): Promise<AcceptOutcome> {
    const invite = await this.getInvite(inviteCode)
    if (invite === null) throw new Error(`acceptInvite: no invite ${inviteCode}`)
    // Claimed by this openid already: an earlier attempt died before binding; finish it.
    if (invite.usedBy !== principal.openid) {
      if (invite.usedBy !== undefined) return { accepted: false, reason: 'used' }
      if (at >= invite.expiresAt) return { accepted: false, reason: 'expired' }
      if (!(await this.claim(inviteCode, principal.openid, at))) return { accepted: false, reason: 'used' }
    }
    try {
      if (isStaffInvite(invite)) {
        await this.bindStaff(principal as StaffPrincipal)
        return { accepted: true, change: null }
      }
      const change = await this.bind(invite, { ...principal, role: 'worker', workerCode: invite.workerCode }, at)
      return { accepted: true, change }
    } catch (error) {
      await this.release(inviteCode, principal.openid)
      if (error instanceof OpenidBound) return { accepted: false, reason: 'bound' }
      throw error
    }
  }

  async listBoundWorkerCodes(workerCodes: string[]): Promise<string[]> {
    if (workerCodes.length === 0) return []
    const docs = await listAll(this.db, 'principals', { workerCode: this.db.command.in(workerCodes) })
    return [...new Set(docs.flatMap((doc) => (doc.workerCode === undefined ? [] : [doc.workerCode])))]
  }

  async listBindingChanges(workerCode: string): Promise<BindingChangeRecord[]> {
    const docs = await listAll(this.db, 'binding_changes', { workerCode })
    return docs.map(({ _id, ...change }) => change).sort(byTime((change) => change.at, (change) => change.inviteCode))
  }

  /** The compare-and-set: true for the one caller whose update found the invite unused (or theirs already). */
  private async claim(inviteCode: string, openid: string, at: string): Promise<boolean> {
    const _ = this.db.command
    const result = await this.db
      .collection('invites')
      .where({ _id: inviteCode, usedBy: _.exists(false) })
      .update({ data: { usedBy: openid, usedAt: at } })
    if (updatedCount(result) === 1) return true
    return (await this.getInvite(inviteCode))?.usedBy === openid
  }

  /** Undoes this openid's claim (and only theirs). */
  private async release(inviteCode: string, openid: string): Promise<void> {
    const _ = this.db.command
    await this.db
      .collection('invites')
      .where({ _id: inviteCode, usedBy: openid })
      .update({ data: { usedBy: _.remove(), usedAt: _.remove() } as never })
  }

  /** A new staff account: `add` refuses an openid that has a principal already. */
  private async bindStaff(principal: StaffPrincipal): Promise<void> {
    try {
      await this.db.collection('principals').add({ data: { ...defined(principal), _id: principal.openid } })
    } catch (error) {
      if (isDuplicateKey(error)) throw new OpenidBound()
      throw error
    }
  }

  private async bind(invite: WorkerInviteRecord, principal: WorkerPrincipal, at: string): Promise<BindingChangeRecord> {
    const { workerCode, inviteCode } = invite
    for (let attempt = 1; ; attempt += 1) {
      // Bound without an invite (the demo seed): no binding document, found by the principals' index.
      const seeded = (await listAll(this.db, 'principals', { workerCode })).map((doc) => doc._id)
      try {
        return await this.db.runTransaction(async (tx) => {
          const principals = tx.collection('principals')
          if ((await getOrNull(principals.doc(principal.openid))) !== null) throw new OpenidBound()
          const bindingRef = tx.collection('worker_bindings').doc(workerBindingId(workerCode))
          const binding = await getOrNull(bindingRef)
          let oldOpenid: string | null = null
          for (const holder of new Set([...(binding === null ? [] : [binding.openid]), ...seeded])) {
            const held = await getOrNull(principals.doc(holder))
            if (held === null || held.workerCode !== workerCode) continue
            await principals.doc(holder).remove()
            oldOpenid ??= holder
          }
          await principals.doc(principal.openid).set({ data: defined(principal) })
          await bindingRef.set({ data: { workerCode, openid: principal.openid, inviteCode, at } })
          const change: BindingChangeRecord = { inviteCode, workerCode, oldOpenid, newOpenid: principal.openid, at }
          await tx.collection('binding_changes').doc(inviteCode).set({ data: change })
          return change
        })
      } catch (error) {
        if (!isTransactionFailure(error) || attempt === ATTEMPTS) throw error
        await pause(40 * attempt)
      }
    }
  }
}
