// The local runtime's suspicious-pattern batch (trust rule 8): the same check the cloud function's
// hourly timer runs (backend/reviews/suspicion.ts), at start and every 10 minutes. Each run
// looks two hours back, so runs overlap and a rating flagged twice keeps its one review item.
import { runSuspicionCheck } from '@backend/reviews/suspicion'
import type { Store } from '@backend/store'

export const SUSPICION_INTERVAL_MS = 10 * 60 * 1000

async function runOnce(store: Store, idKey: string): Promise<void> {
  try {
    const flagged = await runSuspicionCheck(store, new Date(), idKey)
    if (flagged > 0) console.log(`已将 ${flagged} 条可疑评价交街道复核`)
  } catch (error) {
    console.error('[server] the suspicious-pattern check failed', error)
  }
}

/** Runs the check now and every 10 minutes; the returned function stops it (shutdown). */
export function scheduleSuspicionChecks(store: Store, idKey: string): () => void {
  void runOnce(store, idKey)
  const timer = setInterval(() => void runOnce(store, idKey), SUSPICION_INTERVAL_MS)
  timer.unref()
  return () => clearInterval(timer)
}
