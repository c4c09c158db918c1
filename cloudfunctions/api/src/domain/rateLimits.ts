// Rate limits (issue 9, item 3): per rater, over all workers, at most `rateLimitPerMinute` submits a
// minute and `rateLimitPerDay` a China day (settings, defaults 10 and 30); beyond, 429 RATE_LIMITED
// saying when to try again. Counted in the Store (stores/limits.ts), so the limits hold across cloud
// function instances; a refused take counts nothing. Called by rating.submit and feedback.submit after
// every other check, right before the write; a write refused after it gives the count back.
//
// The limits come from the settings, which cost a database request in the cloud: a cloud function
// instance reuses them for up to 60 s (LimitStore.settingsMaxAgeMs), so a saved change takes effect
// within a minute there; SQLite reads them fresh on every submit (maxAge 0).
import { ApiError } from '../../../../src/core/errors'
import { chinaDateOf } from '../../../../src/core/periods'
import { DEFAULT_SETTINGS } from '../../../../src/core/settings'
import type { HandlerContext } from '../context'
import type { Store } from '../store'
import type { Limits, LimitStore, LimitUndo } from '../stores/limits'

/** The limits each store's instance last read, with the wall-clock time it read them. */
const cached = new WeakMap<LimitStore, { limits: Limits; readAt: number }>()

async function limitsOf(store: Store): Promise<Limits> {
  const maxAge = store.limits.settingsMaxAgeMs
  const hit = cached.get(store.limits)
  if (maxAge > 0 && hit !== undefined && Date.now() - hit.readAt < maxAge) return hit.limits
  const settings = await store.getSettings()
  // Settings saved before issue 9 lack the two fields: the defaults apply.
  const limits = {
    perMinute: settings?.rateLimitPerMinute ?? DEFAULT_SETTINGS.rateLimitPerMinute,
    perDay: settings?.rateLimitPerDay ?? DEFAULT_SETTINGS.rateLimitPerDay,
  }
  if (maxAge > 0) cached.set(store.limits, { limits, readAt: Date.now() })
  return limits
}

/** The UTC minute of a moment, `YYYY-MM-DDTHH:mm` (a minute is the same minute in China time). */
export const minuteOf = (now: Date): string => now.toISOString().slice(0, 16)

export interface RateLimitTaken {
  /** Undoes the count: for a write refused after the take (a rejected call stores nothing). */
  giveBack(): Promise<void>
}

/**
 * Counts one submit of `openid`, or throws RATE_LIMITED (counting nothing). Runs after every other check.
 * The limits are read only when the rater already submitted today (the day's first submit fits any limit).
 */
export async function takeRateLimit(ctx: HandlerContext, openid: string): Promise<RateLimitTaken> {
  const { store, now } = ctx
  let read: Promise<Limits> | undefined
  const limits = () => (read ??= limitsOf(store))
  const verdict = await store.limits.take(openid, { day: chinaDateOf(now), minute: minuteOf(now) }, limits)
  if (!verdict.allowed) {
    const { perMinute, perDay } = await limits()
    throw new ApiError('RATE_LIMITED', verdict.window === 'day'
      ? `今天的提交次数已达上限（${perDay} 次），请明天再试`
      : `提交太频繁了：每分钟最多 ${perMinute} 次，请 1 分钟后再试`)
  }
  const undo: LimitUndo = verdict.undo
  return { giveBack: () => store.limits.giveBack(openid, undo) }
}

/** Runs the write counted by `taken`; when it throws, the count is given back before the error goes on. */
export async function countedWrite<T>(taken: RateLimitTaken, write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (error) {
    await taken.giveBack().catch(() => undefined)
    throw error
  }
}
