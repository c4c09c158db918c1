// A rating or a recipient's feedback just stored, as the issue-9 steps after a submit see it (suspicious
// patterns, the bad-review loop). The rater's openid is here for those steps only: it never goes out to
// workers or staff (trust rule 5; staff see pseudonymOf(openid)).
import type { Level } from '../../../../src/core/types'
import type { CommentStatus, RatingRef } from '../stores/records'

export interface RatedRecord {
  ref: RatingRef
  openid: string
  workerCode: string
  communityId: string
  subdistrictId: string
  month: string
  level: Level
  commentStatus: CommentStatus
  submittedAt: string
  /** A re-rate of the rater's earlier rating of this worker this month (resident ratings only). */
  replaced: boolean
}
