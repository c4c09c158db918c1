// Filing a report (投诉/举报), as comment.report and note.report share it: counted against the reporter's
// report limit (backend/limits/rateLimits.ts), stored once per reporter and item. Taps of 举报 at once (or a
// retry racing its first try) are one report: whichever stores it first wins, and every other one answers as
// a repeat would, even when it was refused meanwhile — the comment held by the winner (409), the limit taken
// by the others (429). Only a refusal with no such report stands.
import type { HandlerContext } from '../context'
import { countedWrite, takeReportLimit } from '../limits/rateLimits'
import type { ContentReportRecord } from './store'

/**
 * Stores `report` unless the reporter's report of the item exists: true when stored now, false for a repeat.
 * `refuse` throws when the item may not be reported (checked only for a report not stored yet).
 */
export async function fileReport(ctx: HandlerContext, reporter: string, report: ContentReportRecord, refuse: () => void): Promise<boolean> {
  const { store } = ctx
  if ((await store.contentReports.get(report.id)) !== null) return false
  try {
    refuse()
    const taken = await takeReportLimit(ctx, reporter)
    const stored = await countedWrite(taken, () => store.contentReports.file(report))
    // Two taps at once: the other one stored it; this one counts nothing.
    if (!stored) await taken.giveBack()
    return stored
  } catch (error) {
    if ((await store.contentReports.get(report.id)) !== null) return false
    throw error
  }
}
