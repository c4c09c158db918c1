// A worker taken out of post (worker.update) collects nothing, at the hall's window too: the rotas of
// this month and later that name them record it, so the hall's card, which reads one rota, leaves them
// out and its feedback refuses them without reading the worker. Put back in post: removed again. Each
// rota is changed as an edit is (a compare-and-set on its version), tried again once if an edit landed first.
import { addMonths, monthOf } from '@core/periods'
import type { Store, WorkerRecord } from '../store'

const MONTHS_AHEAD = 2

export async function markOnRotas(store: Store, worker: WorkerRecord, inPost: boolean, now: Date): Promise<void> {
  for (let ahead = 0; ahead <= MONTHS_AHEAD; ahead += 1) {
    const month = addMonths(monthOf(now), ahead)
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const rota = await store.hall.getRota(worker.communityId, month)
      if (rota === null || !rota.groups.some((group) => group.includes(worker.code))) break
      const others = (rota.outOfPost ?? []).filter((code) => code !== worker.code)
      const outOfPost = inPost ? others : [...others, worker.code]
      if (outOfPost.length === (rota.outOfPost ?? []).length && outOfPost.every((code) => rota.outOfPost?.includes(code))) break
      if (await store.hall.putRota({ ...rota, outOfPost, version: rota.version + 1, updatedAt: now.toISOString() })) break
    }
  }
}
