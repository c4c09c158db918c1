// appeal.mine: a worker's own bad ratings (levels 1-2) of the appeal window (`appealDays`, issue 9 item 7),
// each with whether it may still be appealed and its appeal. Never who gave it (trust rule 5): no openid,
// no id the worker could tie to a visit (a token instead), the comment only once it passed moderation
// (trust rule 6), the day but not the time.
import { type AppealableRating, appealDaysLeft, appealWindowStart } from '../../../../../src/core/appeals'
import { chinaDateOf } from '../../../../../src/core/periods'
import type { Handler } from '../../context'
import { KIND_LABELS, appealDaysInForce, appealView, ratingToken } from '../../domain/appeals'
import { requireBoundWorker } from '../../domain/boundWorker'
import { loadRating, visibleComment } from '../../domain/ratingRefs'
import { ratingRefId } from '../../ids'

export const appealMine: Handler<'appeal.mine'> = async (_payload, { caller, store, now }) => {
  const { workerCode } = requireBoundWorker(caller)
  const appealDays = await appealDaysInForce(store)
  const [bad, appeals] = await Promise.all([store.appeals.badRatingsSince(workerCode, appealWindowStart(now, appealDays)), store.appeals.listByWorker(workerCode)])
  const appealOf = new Map(appeals.map((appeal) => [appeal.id, appeal]))
  const ratings = await Promise.all(
    bad.map(async (rating): Promise<AppealableRating> => {
      const appeal = appealOf.get(ratingRefId(rating.ref)) ?? null
      // Exclusion is the review queue's record on the rating itself (stores/reviews.ts).
      const excluded = (await loadRating(store, rating.ref))?.excluded !== undefined
      const daysLeft = appeal === null && !excluded ? appealDaysLeft(rating.submittedAt, now, appealDays) : 0
      const { ref, level, month } = rating
      return { token: ratingToken(ref), kind: KIND_LABELS[ref.kind], level, month, date: chinaDateOf(rating.submittedAt), comment: visibleComment(rating), excluded, daysLeft, appeal: appeal && appealView(appeal) }
    }),
  )
  return { appealDays, ratings }
}
