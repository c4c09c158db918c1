// A rating or a recipient's feedback just stored, as the issue-9 steps after a submit see it (suspicious
// patterns, the bad-review loop). The rater's openid is here for those steps only: it never goes out to
// workers or staff (trust rule 5; staff see pseudonymOf(openid)).
import type { RatingFields, RatingRef } from '../store/records'

export type RatedRecord = Pick<RatingFields, 'openid' | 'workerCode' | 'subdistrictId' | 'month' | 'level' | 'commentStatus' | 'submittedAt'> & {
  ref: RatingRef
  communityId: string
  /** A re-rate of the rater's earlier rating of this worker this month (resident ratings only). */
  replaced: boolean
}
