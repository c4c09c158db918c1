// post.list: public, even anonymous — the four-post job description (四岗说明书, the 4 of 3456): every
// post with its written duties, the four posts first in rank order (src/core/catalog.ts).
import { comparePosts } from '@core/catalog'
import type { Handler } from '../context'

export const postList: Handler<'post.list'> = async (_payload, { store }) => {
  const posts = await store.catalog.listPosts()
  return posts.sort(comparePosts).map(({ id, name, duties }) => ({ postId: id, name, duties }))
}
