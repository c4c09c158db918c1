// What the moderators' queue (comment.list) shows of reports: the reasons of a reported held comment, and
// each reported rectification note with its text, its writer and the reasons. Never who reported: a comment
// is reported only by its worker, a note only by its case's rater, and neither needs naming to staff.
import { distinctReasons, type ReportedNoteView, type ReportReason } from '@core/contentReports'
import type { Store } from '../store'
import type { ContentReportRecord } from './store'
import type { HeldComment } from '../comments/store'
import { ratingRefId } from '../store/ids'

/** The open reports of one item, by the text they named: `${itemId}|${version}`. */
export function byItem(reports: readonly ContentReportRecord[], kind: ContentReportRecord['kind']): Map<string, ContentReportRecord[]> {
  const items = new Map<string, ContentReportRecord[]>()
  for (const report of reports) {
    if (report.kind !== kind) continue
    const key = `${report.itemId}|${report.version}`
    items.set(key, [...(items.get(key) ?? []), report])
  }
  return items
}

/** The reasons of the reports of a held comment (the submission held), or undefined when it was not reported. */
export function commentReportOf(comment: HeldComment, reported: Map<string, ContentReportRecord[]>, idKey: string): { reasons: ReportReason[] } | undefined {
  const reports = reported.get(`${ratingRefId(comment.ref, idKey)}|${comment.submittedAt}`)
  return reports === undefined ? undefined : { reasons: distinctReasons(reports.map((report) => report.reason)) }
}

/** The reported notes still shown to their raters and not decided, oldest report first. */
export async function reportedNotes(store: Store, subdistrictId: string, reports: readonly ContentReportRecord[], workerNames: ReadonlyMap<string, string>): Promise<ReportedNoteView[]> {
  const communities = new Map((await store.listCommunities(subdistrictId)).map((community) => [community.id, community.name]))
  const views = await Promise.all(
    [...byItem(reports, 'note').values()].map(async (item): Promise<ReportedNoteView | null> => {
      const [first] = item
      const c = await store.cases.get(first.itemId)
      // A note rewritten since, or hidden already, is not the one reported.
      if (c === null || c.rectification === undefined || c.rectification.at !== first.version || c.noteHidden !== undefined) return null
      return {
        caseId: c.id,
        rectifiedAt: c.rectification.at,
        workerCode: c.workerCode,
        workerName: workerNames.get(c.workerCode) ?? c.workerCode,
        communityName: communities.get(c.communityId) ?? '',
        byName: c.rectification.byName,
        note: c.rectification.note,
        reasons: distinctReasons(item.map((report) => report.reason)),
        reportedAt: first.reportedAt,
      }
    }),
  )
  return views.filter((view): view is ReportedNoteView => view !== null)
}
