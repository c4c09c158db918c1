// Service visits (一次一评): each visit a worker logs gets its own unguessable visit code, the
// `scene` of the code the person served scans to give feedback on that one visit. The feedback itself is
// the Store's submitFeedback with serviceId = visitCode (one feedback per visit).
// Part of the Store (backend/store/index.ts): implemented by backend/visits/sqlite.ts (SQLite) and
// backend/visits/cloudbase.ts (CloudBase), checked by one contract suite
// (test/storeContracts/visits.ts).
import type { Level } from '@core/types'
import type { VisitType } from '@core/visits'
import type { FeedbackRecord } from '../store/records'

/** What kind of service a visit was (src/core/visits.ts lists them). */
export type { VisitType } from '@core/visits'

export interface VisitRecord {
  /** The visit's code: <= 32 scene-safe characters, at least 10 of them random. Also the feedback's serviceId. */
  visitCode: string
  workerCode: string
  subdistrictId: string
  communityId: string
  type: VisitType
  /** 小区 / 楼栋, as the worker wrote it; '' when not given. */
  place: string
  /** The worker's short note; never shown to anyone but the worker and staff. */
  note: string
  /** When the visit was logged (ISO, UTC): the feedback window counts from here. */
  at: string
}

/**
 * A visit as feedback on it needs it: with whether its worker is in post now (a worker out of post collects
 * nothing), so a feedback never reads the worker. SQLite asks the worker's record; CloudBase reads a mark
 * the worker's going out of post sets on their visits still open to feedback (backend/visits/cloudbase.ts).
 */
export interface VisitToRate extends VisitRecord {
  workerInPost: boolean
}

export interface VisitStore {
  /** Stores a new visit; its visitCode is new (the caller made it random). */
  putVisit(visit: VisitRecord): Promise<void>
  getVisit(visitCode: string): Promise<VisitRecord | null>
  /** The visit and whether its worker is in post now, in one read; null if there is no such visit. */
  getVisitToRate(visitCode: string): Promise<VisitToRate | null>
  /** A worker's visits with `from <= at < to` (ISO strings), oldest first. */
  listVisits(workerCode: string, from: string, to: string): Promise<VisitRecord[]>
  /**
   * The level of the feedback given on each of these visits, by visit code; a visit nobody rated is
   * not in the map. Who gave it is not read: a worker never learns who rated them (trust rule 5).
   */
  feedbackLevels(visitCodes: readonly string[]): Promise<Map<string, Level>>
  /** The feedback given on a visit (written by the Store's submitFeedback), for staff and checks; null if none. */
  getFeedback(visitCode: string): Promise<FeedbackRecord | null>
}
