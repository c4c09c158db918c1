// The invite handler tests' world: the small organisation (smallOrg.ts: 张敏 W001 of 银泉社区 bound to
// o-worker-x) plus 赵兰 W003 of 银泉社区, not bound yet, and an admin of 青龙社区 — through dispatch over
// a real SqliteStore (apiHarness.ts), with what an invite call may have changed read back from the store.
import type { CodeImages } from '@backend/context'
import type { BindingChangeRecord, InviteRecord } from '@backend/invites/store'
import type { PrincipalRecord } from '@backend/store'
import type { ResultOf } from '@core/contract'
import { createHarness, dataOf, type Harness } from './apiHarness'
import { callerOn } from './demoCaller'
import { FUSHAN, OPENID, X, Y } from './smallOrg'

export const W = 'W003'
export const QINGLONG_ADMIN = 'o-admin-qinglong'
export const CODES = [X, Y, W]

/**
 * Code images that say which page and scene they open, instantly (a real QR PNG takes a second or more on
 * a busy machine; the HTTP test checks the real one).
 */
export const LABELLED_IMAGES: CodeImages = { imageFor: async (page, scene) => `code-image:${page}?scene=${scene}` }

export async function createInviteHarness(now: Date): Promise<Harness> {
  const api = await createHarness(now)
  api.codeImages = LABELLED_IMAGES
  const caller = callerOn(api.store, { now: api.now, moderation: api.moderation, codeImages: LABELLED_IMAGES })
  api.call = (request, openid) => caller.send(request, openid, api.now)
  await api.store.putOrg({
    subdistricts: [],
    communities: [],
    grids: [{ id: 'g-yq-2', name: '银泉第二网格', communityId: 'c-yinquan', households: 360 }],
    posts: [{ id: 'post-weiyuan', name: '委员', duties: ['组织志愿服务'] }],
    workers: [{ code: W, name: '赵兰', postId: 'post-weiyuan', communityId: 'c-yinquan', gridId: 'g-yq-2', subdistrictId: FUSHAN }],
    principals: [{ openid: QINGLONG_ADMIN, role: 'community', name: '青龙社区 李书记', communityId: 'c-qinglong', subdistrictId: FUSHAN }],
  })
  return api
}

export interface Stored {
  invites: InviteRecord[]
  changes: BindingChangeRecord[]
  principals: PrincipalRecord[]
}

/** Every invite, binding change and principal of the three records, to compare before and after a call. */
export async function storedOf(api: Harness): Promise<Stored> {
  const invites = (await Promise.all(CODES.map((code) => api.store.invites.listInvites(code)))).flat()
  const changes = (await Promise.all(CODES.map((code) => api.store.invites.listBindingChanges(code)))).flat()
  const principals = (await api.store.listPrincipals()).sort((a, b) => (a.openid < b.openid ? -1 : 1))
  return { invites, changes, principals }
}

/** A fresh invite made by 银泉社区's admin. */
export async function inviteFor(api: Harness, workerCode: string): Promise<ResultOf<'invite.create'>> {
  return dataOf(await api.call({ action: 'invite.create', payload: { workerCode } }, OPENID.communityAdmin))
}
