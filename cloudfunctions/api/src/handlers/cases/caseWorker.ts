// case.worker: the bad-review cases about the calling worker (issue 9 item 6; their home page: 有 1 条差评
// 待回访整改): level, month, where it stands, the comment only if it passed moderation — nothing of who
// gave the rating (trust rule 5: no openid, no phone, no day or time).
import { chinaDateOf } from '../../../../../src/core/periods'
import type { Handler } from '../../context'
import { requireBoundWorker } from '../../domain/boundWorker'
import { caseCalendar, workerView } from '../../domain/cases'

export const caseWorker: Handler<'case.worker'> = async (_payload, { caller, store, now }) => {
  const { workerCode } = requireBoundWorker(caller)
  const [cases, calendar] = await Promise.all([store.cases.listByWorker(workerCode), caseCalendar(store)])
  const today = chinaDateOf(now)
  return { cases: await Promise.all(cases.map((c) => workerView(store, c, today, calendar))) }
}
