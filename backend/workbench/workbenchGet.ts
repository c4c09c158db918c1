// workbench.get: what waits for a staff member, queue by queue, in their own scope — the community
// admin's cases of their community; sub-district staff's cases, appeals, flagged ratings and held
// comments (with the rectification notes raters reported) of their sub-district, and this month's sheet; the bureau's of the whole city. A queue shows
// only for a role that may open it (the access table), and its count is what that page lists as open.
import { mayCall } from '@core/access'
import type { ActionName } from '@core/contract'
import { chinaDateOf, monthOf } from '@core/periods'
import { sheetScore } from '@core/sheets'
import { type SheetWaiting, type WaitingCount, caseCounts } from '@core/workbench'
import type { Handler } from '../context'
import { type StaffScope, staffScope } from '../access/staffScope'
import { caseCalendar } from '../cases/caseViews'
import type { Store } from '../store'

export const workbenchGet: Handler<'workbench.get'> = async (_payload, { caller, store, now }) => {
  const scope = staffScope(caller)
  const may = (action: ActionName) => mayCall(action, caller.principal.role)
  const subdistricts = scope.subdistrictId !== null ? [scope.subdistrictId] : (await store.listSubdistricts()).map((s) => s.id)
  const each = async <T>(read: (subdistrictId: string) => Promise<T[]>) => (await Promise.all(subdistricts.map(read))).flat()
  const [cases, appeals, reviews, comments, sheet] = await Promise.all([
    may('case.list') ? waitingCases(store, scope, subdistricts, now) : null,
    may('appeal.list') ? each((id) => store.appeals.listBySubdistrict(id, 'pending')).then((list) => count('appeals', list.length)) : null,
    may('review.list') ? each((id) => store.reviews.listReviews(id, 'open')).then((list) => count('reviews', list.length)) : null,
    may('comment.list') ? each((id) => moderationQueue(store, id)).then((list) => count('comments', list.length)) : null,
    may('sheet.submit') && scope.subdistrictId !== null ? sheetOfMonth(store, scope.subdistrictId, monthOf(now)) : undefined,
  ])
  const waiting = [cases, appeals, reviews, comments].filter((item): item is WaitingCount => item !== null)
  return { waiting, ...(sheet === undefined ? {} : { sheet }) }
}

const count = (queue: WaitingCount['queue'], n: number): WaitingCount => ({ queue, count: n, overdue: 0 })

async function waitingCases(store: Store, scope: StaffScope, subdistricts: string[], now: Date): Promise<WaitingCount> {
  const records =
    scope.communityId !== null
      ? await store.cases.listByCommunity(scope.communityId)
      : (await Promise.all(subdistricts.map((id) => store.cases.listUnrectified(id)))).flat()
  return { queue: 'cases', ...caseCounts(records, chinaDateOf(now), await caseCalendar(store)) }
}

/**
 * What 留言审核 lists: the held comments (a comment its worker reported is held again, so counts here once)
 * and each reported rectification note once, however many reports it has.
 */
async function moderationQueue(store: Store, subdistrictId: string): Promise<string[]> {
  const [held, reports] = await Promise.all([store.comments.listHeld(subdistrictId), store.contentReports.listOpen(subdistrictId)])
  const notes = new Set(reports.filter((report) => report.kind === 'note').map((report) => report.itemId))
  return [...held.map((comment) => `${comment.ref.kind}:${comment.ref.id}`), ...[...notes].map((id) => `note:${id}`)]
}

/** The month's sheet: its state, and how many of the sub-district's workers in post have a complete row. */
async function sheetOfMonth(store: Store, subdistrictId: string, period: string): Promise<SheetWaiting> {
  const [sheet, workers] = await Promise.all([store.sheets.getSheet(subdistrictId, 'period', period), store.listWorkers(subdistrictId)])
  const inPost = workers.filter((worker) => worker.active !== false)
  const complete = new Set((sheet?.rows ?? []).filter((row) => sheetScore(row.points) !== null).map((row) => row.workerCode))
  return { period, status: sheet?.status ?? 'new', complete: inPost.filter((worker) => complete.has(worker.code)).length, workers: inPost.length }
}

