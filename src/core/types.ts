// Domain types shared by the mini-program, the cloud function and the local runtime.
// Pure TypeScript: no Taro, no wx, no IO.
import type { Fraction } from './exact'

/** Rating level: 1 非常不满意, 2 不满意, 3 基本满意, 4 满意, 5 非常满意. */
export type Level = 1 | 2 | 3 | 4 | 5

/** Count of ratings per level; index 0 is level 1 ... index 4 is level 5. */
export type LevelHistogram = [number, number, number, number, number]

/**
 * The 服务对象 party counts each person once per worker and month (src/core/recipients.ts): for k >= 2,
 * the summed level histogram of the people who gave exactly k feedbacks that month. Key: k.
 */
export type RecipientGroups = Record<number, LevelHistogram>

/** The two rated parties whose ratings are tallied (the third, the sub-district, enters a score). */
export type RatedParty = 'residents' | 'recipients'

export type Role = 'resident' | 'worker' | 'community' | 'subdistrict' | 'bureau'

export type Grade = '优秀' | '称职' | '基本称职' | '不称职' | '未评定'

export type Flag =
  | 'FEW_RESIDENTS'
  | 'FEW_RECIPIENTS'
  | 'NO_RESIDENTS'
  | 'NO_RECIPIENTS'
  | 'NO_SUBDISTRICT_SCORE'
  | 'NO_YEAR_END'
  /** A rating of the worker waits for the sub-district's review; it counts until decided (no effect on score or grade). */
  | 'UNDER_REVIEW'

/** Settings of DESIGN section 3, with these exact names. */
export interface Settings {
  weights: { residents: number; recipients: number; subdistrict: number }
  /** Points for levels 1..5, strictly increasing within 0..100. */
  levelPoints: [number, number, number, number, number]
  priorWeight: number
  minResidents: number
  minRecipients: number
  excellentMin: number
  excellentQuota: number
  /** The 6 of 3456: daily assessment is at least 60% of the annual one. */
  dailyShare: number
  /** The 5 of 3456: share of working time spent in the grid (pilot 0.5, province 2/3). */
  gridTimeTarget: number
  workMinutesPerDay: number
  holidays: string[]
  makeupWorkdays: string[]
  feedbackWindowDays: number
  /** The scoring sheet's criteria: each weight is its full marks, whole numbers summing to 100. */
  sheetCriteria: SheetCriterion[]
  /** Rate limits: submits (ratings and feedback) one rater may make per minute and per day, over all workers. */
  rateLimitPerMinute: number
  rateLimitPerDay: number
  /** Service visits (visit.log) one worker may log per China day: each opens a feedback, so it is capped too. */
  visitsPerDay: number
  /** The bad-review loop: working days to call the rater back (回访) and to rectify (整改). */
  callbackWorkingDays: number
  rectifyWorkingDays: number
  /** Appeals: calendar days after a bad rating within which its worker may appeal (申诉). */
  appealDays: number
}

/** A criterion of the sub-district's scoring sheet; a worker gets 0..weight points on it, one decimal at most. */
export interface SheetCriterion {
  name: string
  weight: number
}

/** What the scoring needs of one worker for one period (histograms summed over the period's months). */
export interface WorkerPeriodInput {
  workerCode: string
  name: string
  community: string
  residents: LevelHistogram
  /** Feedback of the people who gave ONE feedback that month (summed over the period's months). */
  recipients: LevelHistogram
  /** The people who gave k >= 2 (src/core/recipients.ts); absent: nobody did. */
  recipientGroups?: RecipientGroups
  /**
   * Sub-district score D for the period, already resolved (subdistrictScoreOf); null if missing. A number
   * is a score as entered and is read as that decimal; a mean from the fallback comes as an exact fraction.
   */
  subdistrictScore: number | Fraction | null
}

/** One row of `evaluation.get`; scores and totals rounded to one decimal, half away from zero. */
export interface EvaluationRow {
  workerCode: string
  name: string
  community: string
  residents: { n: number; score: number } | null
  recipients: { n: number; score: number } | null
  subdistrict: { score: number } | null
  total: number | null
  grade: Grade
  flags: Flag[]
}

export interface WorkerCard {
  workerCode: string
  name: string
  post: string
  duties: string[]
  community: string
  grid: string
  households: number
  /** Present only when the worker is no longer in post: the card shows, rating is refused. */
  inactive?: true
}

/**
 * Who the caller is, as the server sees them (`session.me`): the role and where they work.
 * No openid: a client has no use for it, and echoing it would only spread it.
 */
export interface Session {
  role: Role
  name?: string
  workerCode?: string
  subdistrictId?: string
  communityId?: string
  /** For the bureau only: the cloud environment is not set up yet, admin.setup is the next step. */
  setupNeeded?: boolean
}

export interface DevIdentity {
  openid: string
  role: Role
  name: string
  workerCode?: string
  subdistrictId?: string
  communityId?: string
}
