// Every staff decision goes to the append-only audit log with who and when. The
// decisions with their own entry shape (sheets, settings, reviews, comments, cases, appeals) write it
// themselves; the rest — scores, organisation edits, workers' posts and grids, staff invites — through this.
import type { HandlerContext } from '../context'
import type { AuditDraft } from './store'

/** Appends what the calling staff member just did; `key` (an idempotency record key) makes a retry append nothing. */
export async function auditStaff(ctx: Pick<HandlerContext, 'caller' | 'store' | 'now'>, entry: Omit<AuditDraft, 'at' | 'by'>, key?: string): Promise<void> {
  const { caller } = ctx
  const by = { openid: caller.openid ?? '', role: caller.principal?.role ?? caller.role, name: caller.principal?.name ?? '' }
  await ctx.store.audit.append({ at: ctx.now.toISOString(), by, ...entry }, key)
}
