// case.worker: the bad-review cases about the calling worker (their home page: 有 1 条差评
// 待整改): level, month, where it stands, the comment only if it passed moderation — nothing of who gave
// the rating (trust rule 5: no openid, no phone, no day or time). A case reaches the worker only once the
// community admin has recorded the call-back and so handed the rectification to them (caseReachesWorker),
// never when the rating arrives; newest month first, then by case id, never in the order they came.
import { caseReachesWorker } from '@core/cases'
import { chinaDateOf } from '@core/periods'
import type { Handler } from '../context'
import { caseCalendar, workerView } from './caseViews'

export const caseWorker: Handler<'case.worker'> = async (_payload, { caller, store, now, secrets }) => {
  const { workerCode } = caller
  const [cases, calendar, { idKey }] = await Promise.all([store.cases.listByWorker(workerCode), caseCalendar(store), secrets.get()])
  const today = chinaDateOf(now)
  const handedOver = cases.filter(caseReachesWorker)
  const views = await Promise.all(handedOver.map((c) => workerView(store, c, today, calendar, idKey)))
  views.sort((a, b) => (a.month !== b.month ? (a.month < b.month ? 1 : -1) : a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0))
  return { cases: views, today }
}
