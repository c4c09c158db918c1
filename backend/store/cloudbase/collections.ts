// The collections of the cloud database and the shape of their documents. Their names, indexes and
// security rule are written once, in collections.json beside this file, which admin.setup and the README's deploy
// steps both use; a test holds this type and that file to the same list.
import type { Settings } from '@core/types'
import collectionsFile from './collections.json'
import type { LevelCounts } from '@core/tallyChange'
import type { VisitDoc } from '../../visits/cloudbase'
import type { BindingChangeRecord, InviteRecord } from '../../invites/store'
import type { FieldSessionRecord, OpenFieldSession } from '../../fieldTime/store'
import type { SettingsSaver, SettingsVersionRecord } from '../../settings/store'
import type { SheetRecord } from '../../sheets/store'
import type { AuditEntry } from '../../audit/store'
import type { EvaluationSnapshot } from '../../reports/store'
import type { CodeEnvVersion } from './wxServerSdk'
import type { AppealDoc } from '../../appeals/store'
import type { ContentReportDoc } from '../../contentReports/store'
import type { CaseDoc } from '../../cases/store'
import type { CaseMark } from '../../cases/caseMarks'
import type { ReviewRecord } from '../../reviews/store'
import type { Secrets } from '../../secrets/secrets'
import type { UploadDoc } from '../../roster/uploadsCloudbase'
import type { HallRotaYearDoc } from '../../hall/cloudbase'

/** The settings in force; `settingsVersion` absent means version 1 (what setup saved). */
export interface SettingsDoc {
  value: Settings
  settingsVersion?: number
  savedAt?: string
  savedBy?: SettingsSaver
}
import type {
  CommunityRecord,
  FeedbackRecord,
  GridRecord,
  IdempotencyRecord,
  PostRecord,
  PrincipalRecord,
  RatingReceipt,
  ResidentRatingRecord,
  SubdistrictRecord,
  SubdistrictScoreRecord,
  WorkerRecord,
} from '..'

/**
 * Bookkeeping of the documents written in two steps (the record, then its tally; see writes.ts):
 * `version` makes a replacement a compare-and-set; `pending` is true from the record's write until its
 * tally change is known to be applied, so the timer trigger can find and recount what an instance
 * dying between the two writes left behind.
 */
export interface TwoStepFields {
  version: number
  pending?: boolean
  /** The submit whose write this version is (its idempotency key) and what it replied: a retry rebuilds it (docs/idempotency.md). */
  receipt?: RatingReceipt
}

/** A rating or feedback carries the mark of its bad-review case until the timer opens it (backend/cases/caseMarks.ts). */
export type RatingDoc = ResidentRatingRecord & TwoStepFields & CaseMark
export type FeedbackDoc = FeedbackRecord & TwoStepFields & CaseMark
export type ScoreDoc = SubdistrictScoreRecord & TwoStepFields

/**
 * One month of a worker's tally: residents (r) and recipients (s) per level, monthly score sum and count.
 * `s` holds the people who gave ONE feedback that month; `g.k3` the summed levels of those who gave 3
 * (src/core/recipients.ts), so each person counts once.
 */
export interface MonthCountsDoc {
  r: LevelCounts
  s: LevelCounts
  g?: Record<`k${number}`, LevelCounts>
  ss: number
  sc: number
}

/**
 * One person's counted feedback on one worker in one month (_id = recipientMonthId): their levels, so a
 * further feedback or an exclusion knows which group of the tally the person moves from (backend/feedback/recipientsCloudbase.ts).
 * `version` makes each change a compare-and-set. Derived from the feedback: a recount rewrites it.
 */
export interface RecipientMonthDoc {
  openid: string
  workerCode: string
  subdistrictId: string
  month: string
  levels: LevelCounts
  version: number
}

/** `m01` .. `m12`: a month's field in a tally document. */
export type MonthField = `m${string}`

/**
 * A worker's tally for one year: the counts of each month. A half-year and the year are sums of their
 * months, computed on read, so a rating changes ONE field of ONE document (one `_.inc`, one request),
 * and an evaluation of any period of the year reads one document per worker. `rev` moves with every
 * change, so a recount can tell that nothing changed while it counted.
 */
export interface TallyDoc {
  workerCode: string
  subdistrictId: string
  year: string
  rev: number
  months: Partial<Record<MonthField, MonthCountsDoc>>
  /**
   * Feedback (by visit code) whose change this tally already holds while the feedback is still marked
   * `pending`: a feedback's write ends with its tally change, and the timer settles it (recount.ts).
   */
  tallied?: Record<string, true>
}

/**
 * Who an invite bound to a worker record (one document per record): every acceptance for the record
 * writes it in its transaction, so two acceptances for one record at once cannot both bind (see
 * backend/invites/cloudbase.ts). A record bound without an invite (the demo seed) has none.
 */
export interface WorkerBindingDoc {
  workerCode: string
  openid: string
  inviteCode: string
  at: string
}

/** A logged field session, read by `month` (the China month of its start), as ratings are. */
export type FieldSessionDoc = FieldSessionRecord & { month: string }

/** A worker's field time (backend/fieldTime/cloudbase.ts): the running session (absent: none), the end of the last, a version to compare-and-set. */
export interface FieldStateDoc {
  workerCode: string
  open?: OpenFieldSession
  lastEndedAt: string
  version: number
  /**
   * The minutes of the worker's logged sessions per China month, field `m202603` for 2026-03, added by
   * the compare-and-set that ends a session (backend/fieldTime/minutesCloudbase.ts). Absent: a state
   * written before these were kept, whose sessions are counted when read.
   */
  minutes?: Record<string, number>
}

/** Every collection and the type of its documents (without `_id`). */
export interface CloudCollections {
  settings: SettingsDoc
  settings_versions: SettingsVersionRecord
  subdistricts: SubdistrictRecord
  communities: CommunityRecord
  grids: GridRecord
  posts: PostRecord
  workers: WorkerRecord
  principals: PrincipalRecord
  resident_ratings: RatingDoc
  feedback: FeedbackDoc
  recipient_months: RecipientMonthDoc
  tallies: TallyDoc
  subdistrict_scores: ScoreDoc
  idempotency: IdempotencyRecord
  code_images: { envVersion: CodeEnvVersion; page: string; scene: string; fileID: string }
  visits: VisitDoc
  invites: InviteRecord
  worker_bindings: WorkerBindingDoc
  binding_changes: BindingChangeRecord
  field_sessions: FieldSessionDoc
  field_states: FieldStateDoc
  sheets: SheetRecord
  audit: AuditEntry
  evaluation_snapshots: EvaluationSnapshot
  appeals: AppealDoc
  content_reports: ContentReportDoc
  cases: CaseDoc
  reviews: ReviewRecord
  secrets: Secrets
  uploads: UploadDoc
  hall_rotas: HallRotaYearDoc
}

export type CollectionName = keyof CloudCollections

export interface CollectionSpec {
  name: string
  holds: string
  indexes: Array<{ name: string; fields: string[] }>
}

/** The collections as collections.json describes them, in its order. */
export const COLLECTIONS: readonly CollectionSpec[] = collectionsFile.collections

export const COLLECTION_NAMES: readonly string[] = COLLECTIONS.map((collection) => collection.name)
