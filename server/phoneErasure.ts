// The local runtime's erasing of call-back phone numbers (trust rule 9): the same job the cloud function's
// hourly timer runs (backend/cases/caseContacts.ts), at start (after downtime) and every
// hour, so no number outlives its 30 days by more than an hour.
import { eraseExpiredPhones } from '@backend/cases/caseContacts'
import type { Store } from '@backend/store'

export const PHONE_ERASURE_INTERVAL_MS = 60 * 60 * 1000

async function runOnce(store: Store): Promise<void> {
  try {
    const erased = await eraseExpiredPhones(store, new Date())
    if (erased > 0) console.log(`已删除 ${erased} 个留存满 30 天的回访电话`)
  } catch (error) {
    console.error('[server] erasing expired call-back numbers failed', error)
  }
}

/** Runs the job now and every hour; the returned function stops it (shutdown). */
export function schedulePhoneErasure(store: Store): () => void {
  void runOnce(store)
  const timer = setInterval(() => void runOnce(store), PHONE_ERASURE_INTERVAL_MS)
  timer.unref()
  return () => clearInterval(timer)
}
