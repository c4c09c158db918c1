// Hall days beside grid time: each worker's whole days on duty at their community's hall in a period, up
// to today, counted from the rotas (src/core/hallRota.ts servedHallDays) — one read of the community's
// months for a worker, one of the sub-district's for an evaluation or a report.
import { servedHallDays } from '@core/hallRota'
import { chinaDateOf, monthsOf } from '@core/periods'
import type { Store } from '../store'

export async function workerHallDays(store: Store, worker: { code: string; communityId: string }, period: string, now: Date): Promise<number> {
  const rotas = await store.hall.listRotas({ communityId: worker.communityId }, monthsOf(period))
  return servedHallDays(rotas.flatMap((rota) => rota.days), chinaDateOf(now)).get(worker.code) ?? 0
}

/** Each month of `months`, the worker's hall days in it, from one read (the worker home's chart). */
export async function workerHallDaysByMonth(store: Store, worker: { code: string; communityId: string }, months: readonly string[], now: Date): Promise<Map<string, number>> {
  const rotas = await store.hall.listRotas({ communityId: worker.communityId }, months)
  const today = chinaDateOf(now)
  return new Map(rotas.map((rota) => [rota.month, servedHallDays(rota.days, today).get(worker.code) ?? 0]))
}

export async function subdistrictHallDays(store: Store, subdistrictId: string, period: string, now: Date): Promise<Map<string, number>> {
  const rotas = await store.hall.listRotas({ subdistrictId }, monthsOf(period))
  return servedHallDays(rotas.flatMap((rota) => rota.days), chinaDateOf(now))
}
