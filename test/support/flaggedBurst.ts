// A review queue to decide on: `count` first-time ratings of one worker from one address within the hour
// before `now`, which the suspicious-pattern batch flags (one item each). Answers each rater's item id
// (rater i is `burst-i`), read from the queue so the test does not depend on how ids are made.
import { runSuspicionCheck } from '@backend/reviews/suspicion'
import { residentRatingId } from '@backend/store/ids'
import type { Store } from '@backend/store'
import { monthOf } from '@core/index'
import { TEST_SECRETS } from './secrets'

export async function flaggedBurst(store: Store, workerCode: string, subdistrictId: string, now: Date, count = 11): Promise<(i: number) => string> {
  const month = monthOf(now)
  const ratingIdOf = (i: number) => residentRatingId(`burst-${i}`, workerCode, month)
  for (let i = 1; i <= count; i += 1) {
    const openid = `burst-${i}`
    await store.submitResidentRating({
      id: ratingIdOf(i), openid, workerCode, subdistrictId, month, level: 5,
      comment: '', commentStatus: 'none', submittedAt: new Date(now.getTime() - (count - i + 1) * 4 * 60_000).toISOString(), clientHash: 'h-one-address',
    })
  }
  await runSuspicionCheck(store, now, TEST_SECRETS.idKey)
  const items = await store.reviews.listReviews(subdistrictId, 'open')
  return (i) => {
    const item = items.find((candidate) => candidate.ref.kind === 'resident' && candidate.ref.id === ratingIdOf(i))
    if (item === undefined) throw new Error(`burst-${i}'s rating was not flagged`)
    return item.id
  }
}
