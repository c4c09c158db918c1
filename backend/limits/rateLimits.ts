// Rate limits: per rater, over all workers, at most `rateLimitPerMinute` submits a
// minute and `rateLimitPerDay` a China day (settings, defaults 10 and 30); beyond, 429 RATE_LIMITED
// saying when to try again. Counted in the Store (stores/limits.ts), so the limits hold across cloud
// function instances; a refused take counts nothing. Called by rating.submit and feedback.submit after
// every other check, right before the write; a write refused after it gives the count back. (On SQLite
// the count is taken inside the submit's own transaction: backend/ratings/sqliteOneTransaction.ts.)
//
// The limits come from the settings, which cost a database request in the cloud: a cloud function
// instance reuses them for up to 60 s (LimitStore.settingsMaxAgeMs), so a saved change takes effect
// within a minute there; on SQLite the limits in force are always the saved ones (maxAge 0).
//
// visit.log has a limit of its own on the same counters: at most `visitsPerDay` visits a China day per
// worker (default 30), counted under the worker's code instead of an openid. Each visit opens a feedback,
// so a worker logging visits without end could make feedback for themself.
import { ApiError } from '@core/errors'
import { chinaDateOf } from '@core/periods'
import { DEFAULT_SETTINGS } from '@core/settings'
import type { Settings } from '@core/types'
import type { HandlerContext } from '../context'
import type { Store } from '../store'
import type { CounterNote, Limits, LimitStore, LimitTake, LimitUndo } from './store'

/** The settings each store's instance last read for its limits, with the wall-clock time it read them. */
const cached = new WeakMap<LimitStore, { settings: Settings | null; readAt: number }>()

async function limitSettingsOf(store: Store): Promise<Settings | null> {
  const maxAge = store.limits.settingsMaxAgeMs
  const hit = cached.get(store.limits)
  if (maxAge > 0 && hit !== undefined && Date.now() - hit.readAt < maxAge) return hit.settings
  const settings = await store.getSettings()
  if (maxAge > 0) cached.set(store.limits, { settings, readAt: Date.now() })
  return settings
}

/** The limits the settings set; settings saved before the rate limits existed lack the two fields: the defaults apply. */
export function limitsIn(settings: Settings | null): Limits {
  return {
    perMinute: settings?.rateLimitPerMinute ?? DEFAULT_SETTINGS.rateLimitPerMinute,
    perDay: settings?.rateLimitPerDay ?? DEFAULT_SETTINGS.rateLimitPerDay,
  }
}

async function limitsOf(store: Store): Promise<Limits> {
  return limitsIn(await limitSettingsOf(store))
}

/** 429 saying when to try again. */
export function rateLimited(window: 'minute' | 'day', { perMinute, perDay }: Limits): ApiError {
  return new ApiError('RATE_LIMITED', window === 'day'
    ? `今天的提交次数已达上限（${perDay} 次），请明天再试`
    : `提交太频繁了：每分钟最多 ${perMinute} 次，请 1 分钟后再试`)
}

/** The UTC minute of a moment, `YYYY-MM-DDTHH:mm` (a minute is the same minute in China time). */
export const minuteOf = (now: Date): string => now.toISOString().slice(0, 16)

/** When a submit at `now` counts: its China day and its minute. */
export const limitTakeAt = (now: Date): LimitTake => ({ day: chinaDateOf(now), minute: minuteOf(now) })

export interface RateLimitTaken {
  /** Undoes the count: for a write refused after the take (a rejected call stores nothing). */
  giveBack(): Promise<void>
}

/**
 * Counts one submit of `openid`, or throws RATE_LIMITED (counting nothing). Runs after every other check.
 * The limits are read only when the rater already submitted today (the day's first submit fits any limit).
 */
export async function takeRateLimit(ctx: HandlerContext, openid: string, note?: CounterNote): Promise<RateLimitTaken> {
  const { store, now } = ctx
  let read: Promise<Limits> | undefined
  const limits = () => (read ??= limitsOf(store))
  const verdict = await store.limits.take(openid, limitTakeAt(now), limits, note)
  if (!verdict.allowed) throw rateLimited(verdict.window, await limits())
  const undo: LimitUndo = verdict.undo
  return { giveBack: () => store.limits.giveBack(openid, undo) }
}

/** The counter of a worker's visits: no openid holds a '|', so it is never a rater's counter. */
const visitCounterOf = (workerCode: string) => `visits|${workerCode}`

/**
 * Counts one visit of the worker today, or throws RATE_LIMITED (counting nothing) at `visitsPerDay`.
 * Visits have no minute limit; the settings are read only from the day's second visit on.
 */
export async function takeVisitLimit(ctx: HandlerContext, workerCode: string): Promise<RateLimitTaken> {
  const { store, now } = ctx
  let read: Promise<number> | undefined
  const perDay = () => (read ??= limitSettingsOf(store).then((settings) => settings?.visitsPerDay ?? DEFAULT_SETTINGS.visitsPerDay))
  const counter = visitCounterOf(workerCode)
  const verdict = await store.limits.take(counter, { day: chinaDateOf(now), minute: minuteOf(now) }, async () => ({
    perMinute: Number.MAX_SAFE_INTEGER,
    perDay: await perDay(),
  }))
  if (!verdict.allowed) throw new ApiError('RATE_LIMITED', `今天登记的服务已达上限（每天 ${await perDay()} 次），请明天再登记`)
  const undo: LimitUndo = verdict.undo
  return { giveBack: () => store.limits.giveBack(counter, undo) }
}

/** The counter of a person's reports (投诉/举报): no openid holds a '|', so it is never their rating counter. */
const reportCounterOf = (openid: string) => `reports|${openid}`

/**
 * Counts one report of `openid`, or throws RATE_LIMITED (counting nothing): the same limits a minute and a
 * China day as rating submits, on a counter of its own, so reporting never eats into the rating allowance.
 */
export async function takeReportLimit(ctx: HandlerContext, openid: string): Promise<RateLimitTaken> {
  const { store, now } = ctx
  let read: Promise<Limits> | undefined
  const limits = () => (read ??= limitsOf(store))
  const counter = reportCounterOf(openid)
  const verdict = await store.limits.take(counter, limitTakeAt(now), limits)
  if (!verdict.allowed) throw rateLimited(verdict.window, await limits())
  const undo: LimitUndo = verdict.undo
  return { giveBack: () => store.limits.giveBack(counter, undo) }
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
