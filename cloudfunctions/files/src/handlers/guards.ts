// Guards shared by the spreadsheet actions: who may call them and the file storage they need.
import { ApiError } from '../../../../src/core/errors'
import type { Caller, FileStorage, HandlerContext } from '../../../api/src/context'
import { requireRole } from '../../../api/src/dispatch'

/** The roster is the bureau's (issue 8): signed in (401), and the bureau (403). */
export function requireBureau(caller: Caller, doing: string): void {
  if (caller.openid === null) throw new ApiError('UNAUTHENTICATED', `请先登录微信后再${doing}`)
  requireRole(caller, 'bureau')
}

/** The runtime's file storage: every runtime serving these actions provides one. */
export function fileStorageOf(ctx: HandlerContext): FileStorage {
  if (ctx.files === undefined) throw new Error('file storage is not configured for this runtime')
  return ctx.files
}

/** The post names the roster's 岗位 column may use, in the catalogue's order. */
export function postNamesOf(posts: ReadonlyArray<{ id: string; name: string }>, order: (a: { id: string; name: string }, b: { id: string; name: string }) => number): string[] {
  return [...posts].sort(order).map((post) => post.name)
}
