// The function's timer trigger (config.json `triggers`, hourly): recounts what instances that died
// between two writes left pending (cloudRecount.ts), and creates each worker's tally document of the
// year ahead of its first rating — in December already for the next year.
import { monthOf } from '../../../src/core/periods'
import type { CloudStore } from './cloudStore'

/** What CloudBase passes a function its timer trigger invokes. */
export interface TimerEvent {
  Type: 'Timer'
  TriggerName: string
  Time: string
}

export function isTimerEvent(event: unknown): event is TimerEvent {
  return typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer'
}

/**
 * A record must be this old before a recount may count it: longer than any invocation can still be
 * writing it (the function's timeout is 20 s). RECOUNT_SETTLE_SECONDS overrides it.
 */
const DEFAULT_SETTLE_SECONDS = 120

export interface TimerReport {
  repaired: number
  deferred: number
  tallyDocumentsCreated: number
}

export async function runTimer(store: CloudStore, now: Date, settleSeconds: string | undefined): Promise<TimerReport> {
  const settle = settleSeconds === undefined || settleSeconds === '' ? DEFAULT_SETTLE_SECONDS : Number(settleSeconds)
  const { repaired, deferred } = await store.repairPending(now, settle * 1000)
  const month = monthOf(now)
  const years = [month.slice(0, 4), ...(month.endsWith('-12') ? [String(Number(month.slice(0, 4)) + 1)] : [])]
  let tallyDocumentsCreated = 0
  for (const year of years) tallyDocumentsCreated += await store.prepareYear(year)
  return { repaired, deferred, tallyDocumentsCreated }
}
