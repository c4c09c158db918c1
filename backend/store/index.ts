// The Store: one interface, two implementations (SqliteStore locally, CloudStore on CloudBase),
// one shared contract test suite. Handlers only ever see this interface.
import type { Settings } from '@core/types'
import type {
  SubdistrictRecord,
  CommunityRecord,
  GridRecord,
  PostRecord,
  WorkerRecord,
  PrincipalRecord,
  ResidentRatingRecord,
  FeedbackRecord,
  SubdistrictScoreRecord,
  OrgSeed,
} from './records'
import type { RatingStore } from '../ratings/store'
import type { FeedbackStore } from '../feedback/store'
import type { TallyStore } from '../tallies/store'
import type { ScoreStore } from '../scores/store'
import type { IdempotencyStore } from '../idempotency/store'
import type { CatalogStore } from '../catalog/store'
import type { FieldSessionRecord, FieldTimeStore } from '../fieldTime/store'
import type { InviteStore } from '../invites/store'
import type { SettingsStore } from '../settings/store'
import type { VisitRecord, VisitStore } from '../visits/store'
import type { OrgStore } from '../org/store'
import type { RosterStore } from '../roster/store'
import type { SheetStore } from '../sheets/store'
import type { AuditStore } from '../audit/store'
import type { SnapshotStore } from '../reports/store'
import type { LimitStore } from '../limits/store'
import type { ReviewStore } from '../reviews/store'
import type { CommentStore } from '../comments/store'
import type { CaseStore } from '../cases/store'
import type { AppealStore } from '../appeals/store'
import type { HallStore } from '../hall/store'
import type { SetupProgressStore } from '../setup/store'
import type { OneTransactionSubmits } from '../ratings/oneTransaction'
import type { RecordClaims } from '../ratings/recordClaims'

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
} from './records'

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

/**
 * The parts with their own port are in their feature folders: sub-stores (store.visits, ...) and the
 * ports Store extends (ratings, feedback, tallies, scores, idempotency), with their doc comments.
 */
export interface Store extends RatingStore, FeedbackStore, TallyStore, ScoreStore, IdempotencyStore {
  /** Service visits and their codes (backend/visits/store.ts). */
  readonly visits: VisitStore
  /** Invites and bindings of WeChat identities to records (backend/invites/store.ts). */
  readonly invites: InviteStore
  /** Posts and the directory of communities, grids and workers (backend/catalog/store.ts). */
  readonly catalog: CatalogStore
  /** Field sessions, the time logged in the grid (backend/fieldTime/store.ts). */
  readonly fieldTime: FieldTimeStore
  /** The settings in force, their version and history (backend/settings/store.ts); getSettings reads the same values. */
  readonly settings: SettingsStore
  /** Sub-districts, communities, grids and workers as the bureau and admins edit them (backend/org/store.ts). */
  readonly org: OrgStore
  /** An imported roster applied (backend/roster/store.ts). */
  readonly roster: RosterStore
  /** Scoring sheets and year-end reviews (backend/sheets/store.ts). */
  readonly sheets: SheetStore
  /** The append-only audit log (backend/audit/store.ts). */
  readonly audit: AuditStore
  /** Evaluations of closed periods (backend/reports/store.ts). */
  readonly snapshots: SnapshotStore
  /** Per-rater submit counters (backend/limits/store.ts). */
  readonly limits: LimitStore
  /** Suspicious ratings for staff review, and excluding a rating (backend/reviews/store.ts). */
  readonly reviews: ReviewStore
  /** Held comments for staff to release or reject (backend/comments/store.ts). */
  readonly comments: CommentStore
  /** Bad-review cases: call-back, rectification, the rater's confirmation (backend/cases/store.ts). */
  readonly cases: CaseStore
  /** Workers' appeals of bad ratings (backend/appeals/store.ts). */
  readonly appeals: AppealStore
  /** The service hall's duty rotas (backend/hall/store.ts). */
  readonly hall: HallStore
  /**
   * Where a submit can be written whole in one transaction (SQLite; backend/ratings/oneTransaction.ts);
   * absent on CloudBase, which writes the record with its receipt first, then the rest.
   */
  readonly wholeSubmits?: OneTransactionSubmits
  /**
   * True where a bad rating's case is opened by the store's timer, not after the submit (CloudBase: the
   * write marks the record, backend/cases/dueCases.ts opens its case); absent: the submit opens it.
   */
  readonly casesByTimer?: boolean
  /**
   * Where a rating or feedback record is its submit's claim (CloudBase and SQLite; backend/ratings/recordClaims.ts):
   * the key rides in the record's own write, with no idempotency document or row.
   */
  readonly recordClaims?: RecordClaims

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
  /**
   * Bulk load of activity that is all new (see ActivityLoad). `resume`: this load stopped midway before
   * and is run again whole; what is stored is kept and the counts are rebuilt from the activity (the
   * cloud: admin.setup continuing its demo). A store that loads in one transaction needs no resume.
   */
  loadActivity(activity: ActivityLoad, options?: { resume?: boolean }): Promise<void>
  /** Where a setup that can stop midway keeps how far it got (the cloud; backend/setup/store.ts). */
  readonly setupProgress?: SetupProgressStore

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
}
