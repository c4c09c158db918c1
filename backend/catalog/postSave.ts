// post.save: the bureau writes the four-post job description (四岗说明书, the 4 of 3456, DESIGN section 2):
// a post's name and duties, shown on the card of every worker holding it. Without a postId a new post is
// created and gets an id; a name belongs to one post only. Posts are never deleted, so every worker keeps
// a post. The payload schema (src/core/catalogSchemas.ts) has checked the name and each duty.
import { randomBytes } from 'node:crypto'
import { ApiError } from '@core/errors'
import type { Handler } from '../context'
import { auditStaff } from '../audit/auditTrail'

/** New ids sort in the order posts were made, and never collide with the four seeded ones. */
const newPostId = (now: Date) => `post-${now.getTime().toString(36)}-${randomBytes(4).toString('hex')}`
const notFound = () => new ApiError('NOT_FOUND', '没有找到这个岗位，请刷新岗位列表后再改')

export const postSave: Handler<'post.save'> = async ({ post }, ctx) => {
  const { store, now } = ctx
  const posts = await store.catalog.listPosts()
  if (post.postId !== undefined && !posts.some((other) => other.id === post.postId)) throw notFound()
  if (posts.some((other) => other.name === post.name && other.id !== post.postId)) {
    throw new ApiError('CONFLICT', `已经有名为“${post.name}”的岗位，请换一个名称`)
  }
  if (post.postId === undefined) {
    const id = newPostId(now)
    if (!(await store.catalog.addPost({ id, name: post.name, duties: post.duties })).added) {
      throw new ApiError('CONFLICT', '岗位没有保存，请再试一次')
    }
    await auditStaff(ctx, { action: 'post.save', target: `post:${id}`, details: { name: post.name, duties: post.duties.length, created: true } })
    return { postId: id }
  }
  if (!(await store.catalog.updatePost({ id: post.postId, name: post.name, duties: post.duties })).updated) throw notFound()
  const before = posts.find((other) => other.id === post.postId)
  const old = before === undefined ? {} : { fromName: before.name, fromDuties: before.duties.length, dutiesChanged: JSON.stringify(before.duties) !== JSON.stringify(post.duties) }
  const details = { ...old, name: post.name, duties: post.duties.length }
  await auditStaff(ctx, { action: 'post.save', target: `post:${post.postId}`, details })
  return { postId: post.postId }
}
