// The staff workbench: what is waiting for the caller, each queue with its count, before any tool. A
// queue appears only for the roles that act on it (the access table): 差评回访整改 for a community admin
// (sub-district staff and the bureau watch it), 申诉, 可疑评价 and 留言 for sub-district staff and the
// bureau, and this month's scoring sheet for the sub-district that enters it.
import { caseOverdue, caseStage, type CaseSteps } from './cases'
import type { Settings } from './types'

type Calendar = Pick<Settings, 'holidays' | 'makeupWorkdays'>

export type WaitingQueue = 'cases' | 'appeals' | 'reviews' | 'comments'

export interface WaitingCount {
  queue: WaitingQueue
  count: number
  /** Of `count`, how many are past their deadline (cases only; 0 elsewhere). */
  overdue: number
}

/** This month's sheet of the sub-district: not started, a draft with `complete` of `workers` rows, or submitted. */
export interface SheetWaiting {
  period: string
  status: 'new' | 'draft' | 'submitted'
  complete: number
  workers: number
}

export interface Workbench {
  waiting: WaitingCount[]
  /** Sub-district staff only. */
  sheet?: SheetWaiting
}

/** Cases waiting for the community: a call-back or a rectification not done yet, and how many are late. */
export function caseCounts(cases: readonly CaseSteps[], today: string, calendar: Calendar): { count: number; overdue: number } {
  let count = 0
  let overdue = 0
  for (const c of cases) {
    const stage = caseStage(c)
    if (stage !== 'callback' && stage !== 'rectify') continue
    count += 1
    if (caseOverdue(c, today, calendar) !== null) overdue += 1
  }
  return { count, overdue }
}
