// Hall days beside grid time: each worker's whole days on duty at their community's hall in a period, up
// to today, counted from the rotas (src/core/hallRota.ts servedHallDays) — one read of the community's
// months' days for a worker, one of the sub-district's for an evaluation or a report (on CloudBase one
// document per community and year: a 20-community year is one request).
import { servedHallDays } from '@core/hallRota'
import { chinaDateOf, monthOf, monthsOf } from '@core/periods'
import type { Store } from '../store'

/** The months of a period up to now: later months' rotas are duty to come, not served. */
const servedMonths = (period: string, now: Date) => monthsOf(period).filter((month) => month <= monthOf(now))

export async function workerHallDays(store: Store, worker: { code: string; communityId: string }, period: string, now: Date): Promise<number> {
  const rotas = await store.hall.listRotaDays({ communityId: worker.communityId }, servedMonths(period, now))
  return servedHallDays(rotas.flatMap((rota) => rota.days), chinaDateOf(now)).get(worker.code) ?? 0
}

/** Each month of `months`, the worker's hall days in it, from one read (the worker home's chart). */
export async function workerHallDaysByMonth(store: Store, worker: { code: string; communityId: string }, months: readonly string[], now: Date): Promise<Map<string, number>> {
  const rotas = await store.hall.listRotaDays({ communityId: worker.communityId }, months)
  const today = chinaDateOf(now)
  return new Map(rotas.map((rota) => [rota.month, servedHallDays(rota.days, today).get(worker.code) ?? 0]))
}

export async function subdistrictHallDays(store: Store, subdistrictId: string, period: string, now: Date): Promise<Map<string, number>> {
  const rotas = await store.hall.listRotaDays({ subdistrictId }, servedMonths(period, now))
  return servedHallDays(rotas.flatMap((rota) => rota.days), chinaDateOf(now))
}
