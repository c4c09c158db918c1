// hall.rota.save: the community's admin edits one day of a generated rota, or swaps two workers between
// two days. The edited days are checked as generation checks them (staffing, each worker once and in
// post, never both of an AB pair: src/core/hallRota.ts), in Chinese naming who and which day; the
// version the admin edited must still be the stored one (409); audited with old → new.
import { ApiError } from '@core/errors'
import { applyChange, dayProblem } from '@core/hallRota'
import type { Handler } from '../context'
import { withIdempotency } from '../idempotency/idempotency'
import { adminCommunity } from '../org/orgScope'
import { auditRota, refusePastMonth, writeRota } from './rotaChanges'
import { calendarOf, inPostWorkers, namesOf, rotaView } from './rotaView'

export const hallRotaSave: Handler<'hall.rota.save'> = async (payload, ctx) => {
  const { caller, store, now } = ctx
  const { period: month, version, change } = payload
  const community = await adminCommunity(caller, store)
  refusePastMonth(month, now)
  return withIdempotency({ store, openid: caller.openid, action: 'hall.rota.save', payload, now }, async (key) => {
    const [rota, workers, calendar] = await Promise.all([store.hall.getRota(community.id, month), inPostWorkers(store, community.id), calendarOf(store)])
    if (rota === null) throw new ApiError('NOT_FOUND', '这个月还没有值班表，请先生成')
    if (rota.version !== version) throw new ApiError('CONFLICT', '值班表刚被别人改过，请刷新后再改')
    const nameOf = namesOf(rota.workers, workers)
    const changed = applyChange(rota.days, change, nameOf)
    if ('problem' in changed) throw new ApiError('INVALID_INPUT', changed.problem)
    const inPost = new Set(workers.map((w) => w.workerCode))
    const before = new Map(rota.days.map((day) => [day.date, day.workerCodes]))
    for (const date of changed.touched) {
      const day = changed.days.find((d) => d.date === date) ?? { date, workerCodes: [] }
      const added = day.workerCodes.find((code) => !inPost.has(code) && !(before.get(date) ?? []).includes(code))
      if (added !== undefined) throw new ApiError('INVALID_INPUT', `${nameOf(added)} 不是本社区在岗的工作人员，不能排值班`)
      const problem = dayProblem(day, rota, calendar, nameOf)
      if (problem !== null) throw new ApiError('INVALID_INPUT', problem)
    }
    const next = { ...rota, days: changed.days, version: rota.version + 1, updatedAt: now.toISOString(), updatedBy: caller.principal.name }
    await writeRota(store, next)
    const details =
      change.kind === 'day'
        ? { kind: 'day', date: change.date, from: before.get(change.date) ?? [], to: change.workerCodes, workers: [...new Set([...(before.get(change.date) ?? []), ...change.workerCodes])] }
        : { kind: 'swap', first: change.first, second: change.second, workers: [change.first.workerCode, change.second.workerCode] }
    await auditRota(ctx, 'hall.rota.save', community, month, details, key)
    return rotaView(store, community, month, now, true, next)
  })
}
