// appeal.list: the appeals a sub-district reviews (复核), pending first: each with the
// rating's level, month, day and visible comment, the worker and their reason — never who gave the
// rating (trust rule 5). Sub-district staff see their own sub-district; the bureau the one it names, or all.
import type { AppealForReview } from '@core/appeals'
import { chinaDateOf } from '@core/periods'
import type { Handler } from '../context'
import { forbidden, staffScope } from '../access/staffScope'
import { KIND_LABELS, appealView } from './appealViews'
import { loadRating, visibleComment } from '../ratings/ratingRefs'
import type { Store } from '../store'
import { appealOrder } from './store'

async function reviewsOf(store: Store, subdistrictId: string): Promise<AppealForReview[]> {
  const [appeals, workers, communities] = await Promise.all([store.appeals.listBySubdistrict(subdistrictId), store.listWorkers(subdistrictId), store.listCommunities(subdistrictId)])
  const workerOf = new Map(workers.map((worker) => [worker.code, worker]))
  const communityName = new Map(communities.map((community) => [community.id, community.name]))
  const rows = await Promise.all(
    appeals.sort(appealOrder).map(async (appeal): Promise<AppealForReview | null> => {
      const rating = await loadRating(store, appeal.ref)
      if (rating === null) return null
      const worker = workerOf.get(appeal.workerCode)
      return {
        ...appealView(appeal),
        appealId: appeal.id,
        workerCode: appeal.workerCode,
        workerName: worker?.name ?? appeal.workerCode,
        community: worker === undefined ? '' : communityName.get(worker.communityId) ?? '',
        kind: KIND_LABELS[appeal.ref.kind],
        level: rating.level,
        month: rating.month,
        date: chinaDateOf(rating.submittedAt),
        comment: visibleComment(rating),
      }
    }),
  )
  return rows.filter((row): row is AppealForReview => row !== null)
}

export const appealList: Handler<'appeal.list'> = async ({ subdistrictId }, { caller, store }) => {
  const scope = staffScope(caller)
  if (scope.subdistrictId !== null) {
    if (subdistrictId !== undefined && subdistrictId !== scope.subdistrictId) throw forbidden('只能查看本街道的申诉')
    return { appeals: await reviewsOf(store, scope.subdistrictId) }
  }
  const ids = subdistrictId !== undefined ? [subdistrictId] : (await store.listSubdistricts()).map((s) => s.id)
  const all = (await Promise.all(ids.map((id) => reviewsOf(store, id)))).flat()
  // Pending first across sub-districts too.
  return { appeals: [...all.filter((a) => a.status === 'pending'), ...all.filter((a) => a.status !== 'pending')] }
}
