// worker.card: public, even anonymous — the card a resident sees after scanning a worker's code:
// who serves their grid and what that worker's post is responsible for (the 4 of 3456).
import type { Handler } from '../context'
import { workerCardOf } from '../catalog/cards'
import { findWorker } from '../org/workers'

export const workerCard: Handler<'worker.card'> = async ({ workerCode }, { store }) => {
  const worker = await findWorker(store, workerCode)
  const [post, community, grid] = await Promise.all([
    store.getPost(worker.postId),
    store.getCommunity(worker.communityId),
    store.getGrid(worker.gridId),
  ])
  return workerCardOf(worker, post, community, grid)
}
