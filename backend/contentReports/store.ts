// Reports (投诉/举报) of content someone was shown: a comment on a rating or feedback (reported by its
// worker) or a rectification note (reported by the case's rater). One record per reporter and item: its id is
// a keyed hash of both (reportId), so a second report of the same item by the same person stores nothing.
// The record keeps no openid. Open reports wait in the moderators' queue (留言审核) until staff decide the
// item; the decision closes every open report of it. Part of the Store (backend/store/index.ts):
// backend/contentReports/sqlite.ts (SQLite), backend/contentReports/cloudbase.ts (CloudBase), checked by
// test/storeContracts/contentReports.ts.
import type { ReportReason } from '@core/contentReports'

export type ReportedKind = 'comment' | 'note'

export interface ContentReportRecord {
  /** reportId(reporter, kind, itemId, version): one per reporter and item. */
  id: string
  kind: ReportedKind
  /** The item: ratingRefId of the rating whose comment it is, or the case's id (itself a ratingRefId) for a note. */
  itemId: string
  /** Which text of the item: the comment's submission (submittedAt) or the note's writing (rectification.at). */
  version: string
  subdistrictId: string
  reason?: ReportReason
  reportedAt: string
  status: 'open' | 'closed'
}

/** The cloud database's document of a report (`_id` = its id). */
export type ContentReportDoc = Omit<ContentReportRecord, 'id'>

export interface ContentReportStore {
  /** Stores a new report (status 'open'); false when this reporter's report of the item exists (nothing changes). */
  file(report: ContentReportRecord): Promise<boolean>
  get(id: string): Promise<ContentReportRecord | null>
  /** A sub-district's open reports, oldest first (ids break ties). */
  listOpen(subdistrictId: string): Promise<ContentReportRecord[]>
  /** Closes every open report of the item, whichever text of it they named; how many it closed. */
  close(kind: ReportedKind, itemId: string): Promise<number>
}

/** Oldest report first; ids break ties. */
export function oldestFirst(a: ContentReportRecord, b: ContentReportRecord): number {
  if (a.reportedAt !== b.reportedAt) return a.reportedAt < b.reportedAt ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}
