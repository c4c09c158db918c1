// The Store: one interface, two implementations (SqliteStore locally, CloudStore on CloudBase),
// one shared contract test suite. Handlers only ever see this interface.
import type { LevelHistogram, Level, Role, Settings } from '../../../src/core/types'

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

/** A resident's rating: one per (rater, worker, month); id = residentRatingId(openid, workerCode, month). */
export interface ResidentRatingRecord {
  id: string
  openid: string
  workerCode: string
  subdistrictId: string
  month: string
  level: Level
  comment: string
  commentStatus: CommentStatus
  /** ISO timestamp of the last submission. */
  submittedAt: string
}

/** A service recipient's feedback: one per service visit; id = serviceId. */
export interface FeedbackRecord {
  serviceId: string
  openid: string
  workerCode: string
  subdistrictId: string
  month: string
  level: Level
  comment: string
  commentStatus: CommentStatus
  submittedAt: string
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
  /** Service-recipient feedback per level 1..5. */
  recipients: LevelHistogram
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
  createdAt: string
}

export interface OrgSeed {
  subdistricts: SubdistrictRecord[]
  communities: CommunityRecord[]
  grids: GridRecord[]
  posts: PostRecord[]
  workers: WorkerRecord[]
  principals: PrincipalRecord[]
}

/**
 * Ratings, feedback and monthly scores loaded in bulk (the demo seed, scale seeders), with the tallies
 * they make — the same numbers one submit each would give. All new: every rating id, serviceId and
 * (worker, period) score is not stored yet and appears once.
 */
export interface ActivityLoad {
  ratings?: Iterable<ResidentRatingRecord>
  feedback?: Iterable<FeedbackRecord>
  scores?: Iterable<SubdistrictScoreRecord>
}

export interface Store {
  /**
   * Creates whatever the store needs that is missing (the cloud database's collections) and returns
   * what it created; running it again creates nothing. SQLite creates its tables when it opens.
   */
  setup(): Promise<string[]>
  /** False until setup has run (the cloud: the collections and the settings exist). */
  isSetUp(): Promise<boolean>
  /** Whether a failure means the store is not set up yet (the cloud: a collection does not exist). */
  isNotSetUp(error: unknown): boolean
  /** Creates ahead what a year's first writes need (the cloud: each worker's tally document of the year). */
  prepareYear(year: string): Promise<number>
  /** True when nothing is stored yet (the local runtime seeds an empty database). */
  isEmpty(): Promise<boolean>
  /** Bulk insert of the organisation (demo seed, scale seed, imports). */
  putOrg(org: OrgSeed): Promise<void>
  /** Bulk load of activity that is all new (see ActivityLoad). */
  loadActivity(activity: ActivityLoad): Promise<void>

  getSettings(): Promise<Settings | null>
  saveSettings(settings: Settings): Promise<void>

  getWorker(code: string): Promise<WorkerRecord | null>
  listWorkers(subdistrictId: string): Promise<WorkerRecord[]>
  getCommunity(id: string): Promise<CommunityRecord | null>
  listCommunities(subdistrictId: string): Promise<CommunityRecord[]>
  getGrid(id: string): Promise<GridRecord | null>
  getPost(id: string): Promise<PostRecord | null>
  listSubdistricts(): Promise<SubdistrictRecord[]>
  getSubdistrict(id: string): Promise<SubdistrictRecord | null>

  getPrincipal(openid: string): Promise<PrincipalRecord | null>
  listPrincipals(): Promise<PrincipalRecord[]>

  /**
   * Upserts the rating by its deterministic id and moves the residents histogram of its month's three
   * tallies (month, half-year, year) in the same transaction: a new rating adds one to its level; a
   * re-rate in the same month moves one count from the old level to the new.
   */
  submitResidentRating(rating: ResidentRatingRecord): Promise<{ replaced: boolean }>
  getResidentRating(id: string): Promise<ResidentRatingRecord | null>

  /**
   * Inserts feedback for a service visit and adds it to the recipients histogram of its month's three
   * tallies, in one transaction. CONFLICT-free: returns false if the visit already has feedback.
   */
  submitFeedback(feedback: FeedbackRecord): Promise<{ inserted: boolean }>

  /** The tallies of a sub-district's workers for the given period keys: O(workers x periods) rows, never a scan of ratings. */
  listTallies(subdistrictId: string, periods: string[]): Promise<TallyRecord[]>

  /**
   * Upserts the score by (worker, period). A monthly score also moves the monthly-score rollup of its
   * month's three tallies in the same transaction: the sum by (new - old), the count by 1 if it is the
   * month's first score. Scores for a half-year or year key touch no tally.
   */
  putSubdistrictScore(score: SubdistrictScoreRecord): Promise<void>
  /** Scores of a sub-district's workers entered for any of the given period keys. */
  listSubdistrictScores(subdistrictId: string, periods: string[]): Promise<SubdistrictScoreRecord[]>

  getIdempotent(key: string): Promise<IdempotencyRecord | null>
  putIdempotent(record: IdempotencyRecord): Promise<void>
}
