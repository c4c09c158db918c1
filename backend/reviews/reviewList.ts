// review.list: the ratings a suspicious pattern flagged, open first: each with the
// worker, the level, month and time, the reasons in Chinese, the rater as a stable pseudonym — never the
// openid nor the client address (trust rule 5) — and the comment only if it passed moderation. Sub-district
// staff see their own sub-district; the bureau the one it names, or all.
import { type ReviewItemView, reviewOrder } from '@core/reviews'
import type { Handler } from '../context'
import { forbidden, staffScope } from '../access/staffScope'
import { namesOf, reviewView } from './reviewQueue'
import type { Store } from '../store'

async function itemsOf(store: Store, subdistrictId: string, pseudonymKey: string): Promise<ReviewItemView[]> {
  const [items, names] = await Promise.all([store.reviews.listReviews(subdistrictId), namesOf(store, subdistrictId)])
  const views = await Promise.all(items.map((item) => reviewView(store, item, names, pseudonymKey)))
  return views.filter((view): view is ReviewItemView => view !== null).sort(reviewOrder)
}

export const reviewList: Handler<'review.list'> = async ({ subdistrictId }, { caller, store, secrets }) => {
  const reviewer = staffScope(caller)
  const { pseudonymKey } = await secrets.get()
  if (reviewer.subdistrictId !== null) {
    if (subdistrictId !== undefined && subdistrictId !== reviewer.subdistrictId) throw forbidden('只能复核本街道的评价')
    return { items: await itemsOf(store, reviewer.subdistrictId, pseudonymKey) }
  }
  const ids = subdistrictId !== undefined ? [subdistrictId] : (await store.listSubdistricts()).map((s) => s.id)
  const all = (await Promise.all(ids.map((id) => itemsOf(store, id, pseudonymKey)))).flat()
  return { items: all.sort(reviewOrder) }
}
