// worker.update: a community admin sets one of their own workers' post (from the post catalogue), grid
// (one of the same community) and whether they are in post. Deactivating deletes nothing: the
// worker's ratings, scores and history stay; they can no longer be rated or invited, and the residents'
// directory no longer lists them, until they are made active again. Another community's worker: 403.
import { ApiError } from '@core/errors'
import { isActiveWorker } from '@core/org'
import type { Handler } from '../context'
import { forbidden } from '../access/staffScope'
import { adminCommunity, orgErrors } from './orgScope'
import { findWorker } from './workers'
import { auditStaff } from '../audit/auditTrail'
import { markOnRotas } from '../hall/outOfPost'

export const workerUpdate: Handler<'worker.update'> = async ({ workerCode, postId, gridId, active }, ctx) => {
  const { caller, store } = ctx
  const community = await adminCommunity(caller, store)
  const worker = await findWorker(store, workerCode)
  if (worker.communityId !== community.id) throw forbidden()
  const [post, grid] = await Promise.all([store.getPost(postId), store.getGrid(gridId)])
  if (post === null) throw new ApiError('NOT_FOUND', '没有找到这个岗位，请刷新后重新选择')
  if (grid === null) throw orgErrors.gridNotFound()
  if (grid.communityId !== community.id) throw new ApiError('INVALID_INPUT', `请选择${community.name}的网格`)
  await store.org.updateWorker(worker.code, { postId: post.id, gridId: grid.id, active }, ctx.now)
  if (active !== isActiveWorker(worker)) await markOnRotas(store, worker, active, ctx.now)
  const details = { workerCode: worker.code, fromPostId: worker.postId, postId: post.id, fromGridId: worker.gridId, gridId: grid.id, fromActive: isActiveWorker(worker), active }
  await auditStaff(ctx, { action: 'worker.update', subdistrictId: worker.subdistrictId, target: `worker:${worker.code}`, details })
  return { workerCode: worker.code, active }
}
