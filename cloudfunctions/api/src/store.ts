// The Store: one interface, two implementations (SqliteStore locally, CloudStore on CloudBase),
// one shared contract test suite. Handlers only ever see this interface.
import type { Settings } from '../../../src/core/types'
import type {
  SubdistrictRecord,
  CommunityRecord,
  GridRecord,
  PostRecord,
  WorkerRecord,
  PrincipalRecord,
  ResidentRatingRecord,
  FeedbackRecord,
  TallyRecord,
  SubdistrictScoreRecord,
  IdempotencyRecord,
  RatingReceipt,
  OrgSeed,
} from './stores/records'
import type { CatalogStore } from './stores/catalog'
import type { FieldSessionRecord, FieldTimeStore } from './stores/fieldTime'
import type { InviteStore } from './stores/invites'
import type { SettingsStore } from './stores/settings'
import type { VisitRecord, VisitStore } from './stores/visits'
import type { OrgStore } from './stores/org'
import type { RosterStore } from './stores/roster'
import type { SheetStore } from './stores/sheets'
import type { AuditStore } from './stores/audit'
import type { SnapshotStore } from './stores/snapshots'
import type { LimitStore } from './stores/limits'
import type { ReviewStore } from './stores/reviews'
import type { CommentStore } from './stores/comments'
import type { CaseStore } from './stores/cases'
import type { AppealStore } from './stores/appeals'

export type {
  SubdistrictRecord,
  CommunityRecord,
  GridRecord,
  PostRecord,
  WorkerRecord,
  PrincipalRecord,
  CommentStatus,
  ResidentRatingRecord,
  FeedbackRecord,
  TallyRecord,
  SubdistrictScoreRecord,
  IdempotencyRecord,
  RatingReceipt,
  OrgSeed,
} from './stores/records'

/**
 * Ratings, feedback and monthly scores loaded in bulk (the demo seed, scale seeders), with the tallies
 * they make — the same numbers one submit each would give. All new: every rating id, serviceId and
 * (worker, period) score is not stored yet and appears once, and no person's feedback on a worker in
 * a month is stored yet (the load counts each person once per worker and month among its own feedback).
 */
export interface ActivityLoad {
  visits?: Iterable<VisitRecord>
  /** Ended field sessions. */
  fieldSessions?: Iterable<FieldSessionRecord>
  ratings?: Iterable<ResidentRatingRecord>
  feedback?: Iterable<FeedbackRecord>
  scores?: Iterable<SubdistrictScoreRecord>
}

export interface Store {
  /** Service visits and their codes (stores/visits.ts). */
  readonly visits: VisitStore
  /** Invites and bindings of WeChat identities to records (stores/invites.ts). */
  readonly invites: InviteStore
  /** Posts and the directory of communities, grids and workers (stores/catalog.ts). */
  readonly catalog: CatalogStore
  /** Field sessions, the time logged in the grid (stores/fieldTime.ts). */
  readonly fieldTime: FieldTimeStore
  /** The settings in force, their version and history (stores/settings.ts); getSettings reads the same values. */
  readonly settings: SettingsStore
  /** Sub-districts, communities, grids and workers as the bureau and admins edit them (stores/org.ts). */
  readonly org: OrgStore
  /** An imported roster applied (stores/roster.ts). */
  readonly roster: RosterStore
  /** Scoring sheets and year-end reviews (stores/sheets.ts). */
  readonly sheets: SheetStore
  /** The append-only audit log (stores/audit.ts). */
  readonly audit: AuditStore
  /** Evaluations of closed periods (stores/snapshots.ts). */
  readonly snapshots: SnapshotStore
  /** Per-rater submit counters (stores/limits.ts). */
  readonly limits: LimitStore
  /** Suspicious ratings for staff review, and excluding a rating (stores/reviews.ts). */
  readonly reviews: ReviewStore
  /** Held comments for staff to release or reject (stores/comments.ts). */
  readonly comments: CommentStore
  /** Bad-review cases: call-back, rectification, the rater's confirmation (stores/cases.ts). */
  readonly cases: CaseStore
  /** Workers' appeals of bad ratings (stores/appeals.ts). */
  readonly appeals: AppealStore

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
  submitResidentRating(rating: ResidentRatingRecord, receiptKey?: string): Promise<{ replaced: boolean }>
  getResidentRating(id: string): Promise<ResidentRatingRecord | null>
  /** The receipt the rating's last write carried (its submit's idempotency key and `replaced`), written with it atomically. */
  getRatingReceipt(id: string): Promise<RatingReceipt | null>

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

  // Exactly-once submits (domain/idempotency.ts has the protocol).
  getIdempotent(key: string): Promise<IdempotencyRecord | null>
  /**
   * Claims the key (a pending record, no result, with the payload's hash) at `claimedAt`; null when
   * claimed, else the record already there. The hash stays with the record and is never replaced.
   */
  claimIdempotent(key: string, claimedAt: string, payloadHash?: string): Promise<IdempotencyRecord | null>
  /** Moves a still-pending claim of `staleAt` to `claimedAt` (compare-and-set); false when someone else moved or finished it. */
  takeOverIdempotent(key: string, staleAt: string, claimedAt: string): Promise<boolean>
  /** Removes a still-pending claim of `claimedAt` (its run was rejected: a rejected call stores nothing). */
  releaseIdempotent(key: string, claimedAt: string): Promise<void>
  /** Stores the first result: completes a pending claim, or creates the record; never replaces a result. */
  putIdempotent(record: IdempotencyRecord): Promise<void>
}
