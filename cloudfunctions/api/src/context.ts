// What every handler receives besides its payload. Identity comes only from the runtime
// (cloud.getWXContext().OPENID in the cloud, the X-Openid header locally), never from a payload.
import type { ActionName, PayloadOf, ResultOf } from '../../../src/core/contract'
import type { Role } from '../../../src/core/types'
import type { PrincipalRecord, Store } from './store'

export interface Caller {
  /** null: anonymous (local runtime without X-Openid), can only read public data. */
  openid: string | null
  /** Looked up server-side on every call; a caller with no binding is a resident. */
  role: Role
  principal: PrincipalRecord | null
  /** Set when looking the caller up found the store not set up yet (before admin.setup). */
  storeNotSetUp?: true
}

export type ModerationVerdict = 'pass' | 'review' | 'risky'

/** Content moderation of free text: security.msgSecCheck in the cloud, a keyword list locally. */
export interface Moderation {
  check(text: string, openid: string): Promise<ModerationVerdict>
}

export interface HandlerContext {
  caller: Caller
  store: Store
  now: Date
  moderation: Moderation
}

export type Handler<A extends ActionName> = (payload: PayloadOf<A>, ctx: HandlerContext) => Promise<ResultOf<A>>

export type HandlerTable = { [A in ActionName]?: Handler<A> }
