// The records the Store keeps, shared by its parts (index.ts and each feature's store.ts import them
// from here, so the parts never import index.ts back).
import type { LevelHistogram, Level, RecipientGroups, Role } from '@core/types'

export interface SubdistrictRecord {
  id: string
  name: string
}

export interface CommunityRecord {
  id: string
  name: string
  subdistrictId: string
}

export interface GridRecord {
  id: string
  name: string
  communityId: string
  /** A grid worker now serves 300-500 households instead of 1000. */
  households: number
}

/** A post of the four-post job description (四岗说明书). */
export interface PostRecord {
  id: string
  name: string
  duties: string[]
}

export interface WorkerRecord {
  code: string
  name: string
  postId: string
  communityId: string
  gridId: string
  subdistrictId: string
  /**
   * In post or not: absent means active (src/core/org.ts isActiveWorker), so records made before,
   * the demo seed and imports need not say so; the stores write `false` only, and read `false` only.
   */
  active?: boolean
}

/** A WeChat identity bound (by invite) to a worker or staff record. Everyone else is a resident. */
export interface PrincipalRecord {
  openid: string
  role: Exclude<Role, 'resident'>
  name: string
  workerCode?: string
  communityId?: string
  subdistrictId?: string
}

export type CommentStatus = 'none' | 'pass' | 'review' | 'rejected'

/** A resident rating (id = its rating id) or a recipient's feedback (id = its serviceId). */
export type RatingKind = 'resident' | 'recipient'
export interface RatingRef {
  kind: RatingKind
  id: string
}

/**
 * Why a rating no longer counts (trust rule 8): the review queue excluded it, or an upheld
 * appeal did. Nothing is deleted: the rating keeps its record, the exclusion is added to it and its level
 * leaves the tallies. A re-rate of an excluded rating (same rater, worker and month) stays excluded.
 */
export interface Exclusion {
  via: 'review' | 'appeal'
  reason: string
  /** The deciding staff member's openid. */
  by: string
  at: string
}

/**
 * What every resident rating and recipient's feedback holds: the one rating shape. Every other view of a
 * rating (the review batch's sample, the appeal page's bad rating, the steps after a submit) picks from it.
 */
export interface RatingFields {
  openid: string
  workerCode: string
  subdistrictId: string
  month: string
  level: Level
  comment: string
  commentStatus: CommentStatus
  /** ISO timestamp of the last submission. */
  submittedAt: string
  /** Set when staff excluded it (it no longer counts); absent while it counts. */
  excluded?: Exclusion
  /** Keyed hash of the client address of the last submission (backend/secrets/clientHash.ts); never the address. */
  clientHash?: string
}

/** A resident's rating: one per (rater, worker, month); id = residentRatingId(openid, workerCode, month). */
export interface ResidentRatingRecord extends RatingFields {
  id: string
}

/** A service recipient's feedback: one per service visit; id = serviceId. */
export interface FeedbackRecord extends RatingFields {
  serviceId: string
}

/**
 * What an evaluation of one worker for one period reads (DESIGN section 4: per-worker, per-period
 * tallies): one record per (worker, period key), for every period a month belongs to — a rating or a
 * monthly score of 2026-03 counts in the 2026-03, 2026-H1 and 2026 tallies alike, so evaluating a year
 * reads one record per worker instead of twelve. Kept in step with ratings, feedback and monthly
 * scores in the same transaction as each of them.
 */
export interface TallyRecord {
  workerCode: string
  subdistrictId: string
  /** `YYYY-MM`, `YYYY-H1`, `YYYY-H2` or `YYYY`. */
  period: string
  /** Resident ratings per level 1..5. Points are derived with the current `levelPoints`, so a settings change needs no rewrite. */
  residents: LevelHistogram
  /** Feedback per level 1..5 of the people who gave ONE feedback on the worker that month (src/core/recipients.ts). */
  recipients: LevelHistogram
  /** The people who gave k >= 2 that month: their summed levels, by k; absent when nobody did. */
  recipientGroups?: RecipientGroups
  /**
   * Sum and number of the MONTHLY sub-district scores entered for the months of `period` (for a month:
   * its own score, if any). A score entered for a half-year or year key is not in here: it is read
   * from the scores themselves, and wins over this mean (DESIGN section 3, party D).
   */
  monthlyScoreSum: number
  monthlyScoreCount: number
}

export interface SubdistrictScoreRecord {
  workerCode: string
  subdistrictId: string
  /** `YYYY-MM`, `YYYY-H1`, `YYYY-H2` or `YYYY`. */
  period: string
  score: number
  enteredBy: string
  enteredAt: string
}

export interface IdempotencyRecord {
  /** `${openid}|${action}|${idempotencyKey}` */
  key: string
  result: unknown
  /** When the key was claimed (see docs/idempotency.md); a take-over moves it. */
  createdAt: string
  /** Claimed, its first run not finished (or its result's write failed): no result yet. */
  pending?: boolean
  /**
   * sha256 of the claiming call's canonical payload (backend/idempotency/payloadHash.ts): the key belongs to that
   * payload. Absent on records made before keys were bound to payloads: those answer as before.
   */
  payloadHash?: string
}

/** What a rating write carries of the submit that made it, so a retry can rebuild the first result. */
export interface RatingReceipt {
  /** The idempotency record's key (idempotencyKeyOf) of that submit. */
  key: string
  replaced: boolean
  /** The submit's payload hash (payloadHash.ts), where the record is the submit's claim (recordClaims.ts): the same key with another payload is refused. */
  payloadHash?: string
}

export interface OrgSeed {
  subdistricts: SubdistrictRecord[]
  communities: CommunityRecord[]
  grids: GridRecord[]
  posts: PostRecord[]
  workers: WorkerRecord[]
  principals: PrincipalRecord[]
}
