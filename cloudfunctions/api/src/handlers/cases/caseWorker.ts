// case.worker: the bad-review cases about the calling worker (issue 9 item 6; their home page: 有 1 条差评
// 待整改): level, month, where it stands, the comment only if it passed moderation — nothing of who gave
// the rating (trust rule 5: no openid, no phone, no day or time). A case reaches the worker only once the
// community admin has recorded the call-back and so handed the rectification to them (caseReachesWorker),
// never when the rating arrives; newest month first, then by case id, never in the order they came.
import { caseReachesWorker } from '../../../../../src/core/cases'
import { chinaDateOf } from '../../../../../src/core/periods'
import type { Handler } from '../../context'
import { requireBoundWorker } from '../../domain/boundWorker'
import { caseCalendar, workerView } from '../../domain/cases'

export const caseWorker: Handler<'case.worker'> = async (_payload, { caller, store, now }) => {
  const { workerCode } = requireBoundWorker(caller)
  const [cases, calendar] = await Promise.all([store.cases.listByWorker(workerCode), caseCalendar(store)])
  const today = chinaDateOf(now)
  const handedOver = cases.filter(caseReachesWorker)
  const views = await Promise.all(handedOver.map((c) => workerView(store, c, today, calendar)))
  views.sort((a, b) => (a.month !== b.month ? (a.month < b.month ? 1 : -1) : a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0))
  return { cases: views }
}
