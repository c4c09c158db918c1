// The bad-review loop (差评回访整改): a rating of level 1 or 2 opens a case for the
// worker's community; the rater is called back (回访) within `callbackWorkingDays`, the cause rectified
// (整改) within `rectifyWorkingDays`, then the rater is told and rates the rectification. Part of the
// Store (backend/store/index.ts): backend/cases/sqlite.ts (SQLite), backend/cases/cloudbase.ts (CloudBase), checked by
// test/storeContracts/cases.ts.
import type { CaseVerdict } from '@core/cases'
import type { Level } from '@core/types'
import type { RatingRef } from '../store/records'

export type { CaseVerdict }

export interface CaseRecord {
  /** One per rating: ratingRefId(ref). */
  id: string
  ref: RatingRef
  /** The rater: only ever used to tell them and to let them confirm; never sent to workers or staff. */
  raterOpenid: string
  workerCode: string
  communityId: string
  subdistrictId: string
  month: string
  level: Level
  openedAt: string
  /** China dates (YYYY-MM-DD), the last working day for each step. */
  callbackDue: string
  rectifyDue: string
  /**
   * What the rater left for the call-back: a phone number, or that they want none. The number is for the
   * handling community's admin only, and is erased (replaced by `{ erased: true }`) when the case closes or
   * PHONE_KEEP_DAYS after it was left, whichever comes first (trust rule 9; caseContacts.ts).
   */
  contact?: { phone: string } | { none: true } | { erased: true }
  /** When the phone number was left; present only while the case holds the number (the erasing job reads it). */
  contactAt?: string
  callback?: { at: string; by: string; byName: string; reached: boolean; outcome: string }
  rectification?: { at: string; by: string; byName: string; note: string }
  /** When the rater was told of the rectification. */
  notifiedAt?: string
  /** The message that could not be sent, in the words staff read on the case (通知居民失败：…). */
  notifyFailure?: { at: string; message: string }
  confirmation?: { at: string; verdict: CaseVerdict }
  /**
   * The worker's appeal of the rating was upheld (the rating excluded): the case is closed as 评价已撤销,
   * whatever step it had reached. The deciding staff member, when, and their note (caseWithdrawal.ts).
   */
  withdrawal?: { at: string; by: string; byName: string; note: string }
  /**
   * The rater reported the rectification note and moderators hid it (note.decide 不通过): the rater reads
   * 整改说明已被隐藏 instead; staff still read the note. The case goes on as before.
   */
  noteHidden?: { at: string; by: string; byName: string }
  /** Compare-and-set counter of every change. */
  version: number
}

/** The cloud database's document of a case (`_id` = its id). */
export type CaseDoc = Omit<CaseRecord, 'id'>

export interface CaseStore {
  /** Stores a new case (version 1); false when the rating has one already (nothing changes). */
  open(record: CaseRecord): Promise<boolean>
  get(id: string): Promise<CaseRecord | null>
  /** The cases of a worker, newest first (the worker's page, appeals). */
  listByWorker(workerCode: string): Promise<CaseRecord[]>
  listByCommunity(communityId: string): Promise<CaseRecord[]>
  listBySubdistrict(subdistrictId: string): Promise<CaseRecord[]>
  /**
   * A sub-district's cases without a rectification yet, newest first: those waiting for the call-back or
   * the rectification, the only ones that can be overdue (the city view counts them, not every closed case).
   */
  listUnrectified(subdistrictId: string): Promise<CaseRecord[]>
  /** The rater's own cases (their home notice). */
  listByRater(openid: string): Promise<CaseRecord[]>
  /**
   * Replaces the case with `next` (whose version is the stored one + 1) when the stored version is still
   * `next.version - 1`: a compare-and-set; false when another change came first or it is missing.
   */
  update(next: CaseRecord): Promise<boolean>
  /** The cases that still hold a phone number left before `before` (an ISO time): the erasing job's work. */
  listPhonesLeftBefore(before: string): Promise<CaseRecord[]>
}

/** Newest opened first; ids break ties. */
export function newestFirst(a: CaseRecord, b: CaseRecord): number {
  if (a.openedAt !== b.openedAt) return a.openedAt > b.openedAt ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}
