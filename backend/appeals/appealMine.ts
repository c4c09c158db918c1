// appeal.mine: a worker's own bad ratings (levels 1-2) whose appeal window is open or just ended, each
// with whether it may still be appealed and its appeal. Never who gave it (trust rule 5): no
// openid, no id the worker could tie to a visit (a token instead), the comment only once it passed
// moderation (trust rule 6), and only ratings of a closed month, by month — never the day, never in the
// order they came — so no reply changes at the moment of a bad rating (src/core/appeals.ts). With each,
// whether its bad-review case was closed as 评价已撤销 (an upheld appeal; cases/caseWithdrawal.ts).
import { type AppealableRating, appealDaysLeft, appealListed, appealWindowStart } from '@core/appeals'
import type { Handler } from '../context'
import { KIND_LABELS, appealDaysInForce, appealView, ratingToken } from './appealViews'
import { loadRating, visibleComment } from '../ratings/ratingRefs'
import { ratingRefId } from '../store/ids'
import { sealRatingId } from '../secrets/sealedRefs'

export const appealMine: Handler<'appeal.mine'> = async (_payload, { caller, store, now, secrets }) => {
  const { workerCode } = caller
  const { idKey } = await secrets.get()
  const appealDays = await appealDaysInForce(store)
  const [bad, appeals] = await Promise.all([store.appeals.badRatingsSince(workerCode, appealWindowStart(now, appealDays)), store.appeals.listByWorker(workerCode)])
  const appealOf = new Map(appeals.map((appeal) => [appeal.id, appeal]))
  const listed = bad.filter((rating) => appealListed(rating.month, now))
  const ratings = await Promise.all(
    listed.map(async (rating): Promise<AppealableRating> => {
      // The appeal and the case of a rating share its id.
      const id = ratingRefId(rating.ref, idKey)
      const appeal = appealOf.get(id) ?? null
      const [stored, kase] = await Promise.all([loadRating(store, rating.ref), store.cases.get(id)])
      // Exclusion is the review queue's record on the rating itself (stores/reviews.ts).
      const excluded = stored?.excluded !== undefined
      const daysLeft = appeal === null && !excluded ? appealDaysLeft(rating.month, now, appealDays) : 0
      const { ref, level, month } = rating
      const comment = visibleComment(rating)
      // A shown comment can be reported (comment.report), by a sealed token of its own.
      const report = comment === '' ? {} : { report: { kind: ref.kind, token: sealRatingId(ref, idKey, 'report') } }
      return { token: ratingToken(ref, idKey), kind: KIND_LABELS[ref.kind], level, month, comment, ...report, excluded, daysLeft, appeal: appeal && appealView(appeal), caseWithdrawn: kase?.withdrawal !== undefined }
    }),
  )
  // Newest month first; within a month by token (a keyed hash), never by when they came.
  ratings.sort((a, b) => (a.month !== b.month ? (a.month < b.month ? 1 : -1) : a.token < b.token ? -1 : a.token > b.token ? 1 : 0))
  return { appealDays, ratings }
}
