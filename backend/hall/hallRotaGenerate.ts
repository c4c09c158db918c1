// hall.rota.generate: the community's admin generates a month's rota from the hall's daily staffing,
// the groups (编组) and the AB pairs (src/core/hallRota.ts): every working day of the settings' calendar,
// the rotation continuing from where the previous month's left off. Regenerating the current month keeps
// the days already past. Refused in words when the setup cannot work or the result would be unbalanced;
// a stale write 409; audited (staffing old → new, groups, pairs).
import { ApiError } from '@core/errors'
import { addMonths, chinaDateOf } from '@core/periods'
import { generateRotaDays, isBalanced, rotaProblem, setupProblem } from '@core/hallRota'
import type { Handler } from '../context'
import { withIdempotency } from '../idempotency/idempotency'
import { adminCommunity } from '../org/orgScope'
import { auditRota, refusePastMonth, writeRota } from './rotaChanges'
import { calendarOf, inPostWorkers, namesOf, rotaView } from './rotaView'
import type { HallRotaRecord } from './store'

export const hallRotaGenerate: Handler<'hall.rota.generate'> = async (payload, ctx) => {
  const { caller, store, now } = ctx
  const { period: month, staffing, groups, pairs } = payload
  const community = await adminCommunity(caller, store)
  refusePastMonth(month, now)
  return withIdempotency({ store, openid: caller.openid, action: 'hall.rota.generate', payload, now }, async (key) => {
    const [workers, calendar, existing, previous] = await Promise.all([
      inPostWorkers(store, community.id),
      calendarOf(store),
      store.hall.getRota(community.id, month),
      store.hall.getRota(community.id, addMonths(month, -1)),
    ])
    const setup = { staffing, groups, pairs }
    const nameOf = namesOf(workers)
    const problem = setupProblem(setup, workers.map((w) => w.workerCode), nameOf)
    if (problem !== null) throw new ApiError('INVALID_INPUT', problem)
    const today = chinaDateOf(now)
    const kept = (existing?.days ?? []).filter((day) => day.date < today)
    const { days, next } = generateRotaDays({ month, setup, calendar, startWith: previous?.next ?? null, kept })
    const fresh = days.filter((day) => day.date >= today)
    const unworkable = rotaProblem(fresh, setup, calendar, nameOf) ?? (kept.length === 0 && !isBalanced(days, groups) ? '按这样的编组和 AB 岗排不出每人天数相差不超过一天的值班表，请把 AB 岗的两人分到不同的组' : null)
    if (unworkable !== null) throw new ApiError('INVALID_INPUT', unworkable)
    const grouped = new Set(groups.flat())
    const rota: HallRotaRecord = {
      communityId: community.id,
      communityName: community.name,
      subdistrictId: community.subdistrictId,
      month,
      ...setup,
      days,
      workers: workers.filter((w) => grouped.has(w.workerCode)),
      next,
      version: (existing?.version ?? 0) + 1,
      updatedAt: now.toISOString(),
      updatedBy: caller.principal.name,
    }
    await writeRota(store, rota)
    const details = { staffing, fromStaffing: existing?.staffing ?? null, groups: groups.length, workers: grouped.size, pairs, keptDays: kept.filter((day) => day.workerCodes.length > 0).length }
    await auditRota(ctx, 'hall.rota.generate', community, month, details, key)
    return rotaView(store, community, month, now, true, rota)
  })
}
