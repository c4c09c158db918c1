// The local runtime's evaluation snapshots: the same job as the cloud function's
// night-time timer runs (backend/reports/snapshotJob.ts), once at start and then every night
// at 02:00 China time. Locally there is no timeout, so each run takes every missing snapshot.
import { takeMissingSnapshots } from '@backend/reports/snapshotJob'
import type { Store } from '@backend/store'
import { chinaDateOf } from '@core/periods'

const DAY_MS = 24 * 60 * 60 * 1000
/** 02:00 China time is 18:00 UTC. */
const NIGHT_UTC_HOUR = 18

/** Milliseconds from `now` to the next 02:00 China time. */
export function untilNextNight(now: Date): number {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), NIGHT_UTC_HOUR))
  if (next.getTime() <= now.getTime()) next.setTime(next.getTime() + DAY_MS)
  return next.getTime() - now.getTime()
}

async function runOnce(store: Store): Promise<void> {
  try {
    const { taken } = await takeMissingSnapshots(store, new Date(), Number.POSITIVE_INFINITY)
    if (taken > 0) console.log(`已保存 ${taken} 份已结束考核期的评价快照`)
  } catch (error) {
    console.error('[server] evaluation snapshots failed', error)
  }
  // Rate-limit counters of past China days are no longer needed: a limit counts only its own day.
  await store.limits.removeBefore(chinaDateOf(new Date())).catch((error: unknown) => console.error('[server] removing old rate-limit counters failed', error))
}

/** Runs the job now and every night; the returned function stops it (shutdown). */
export function scheduleSnapshots(store: Store): () => void {
  let timer: NodeJS.Timeout | undefined
  const next = (): void => {
    timer = setTimeout(() => void runOnce(store).then(next), untilNextNight(new Date()))
    timer.unref()
  }
  void runOnce(store).then(next)
  return () => clearTimeout(timer)
}
