// Rate limits, against stuffing: per rater, over all workers, at most `rateLimitPerMinute` submits a
// minute and `rateLimitPerDay` a China day (settings). The counters live in the Store so they hold across
// cloud function instances: one counter per rater and China day, holding the day's count and the count of
// the minute it last counted in. Part of the Store (backend/store/index.ts): backend/limits/sqlite.ts (SQLite),
// backend/limits/cloudbase.ts (CloudBase), checked by test/storeContracts/limits.ts.

/** A rater's counter for one China day (the rater is kept only hashed in the cloud's `_id`). */
export interface LimitCounter {
  /** The China date, e.g. `2026-11-28`. */
  day: string
  /** Submits counted this day. */
  count: number
  /** The UTC minute the last submit counted in, e.g. `2026-11-27T19:40`. */
  minute: string
  /** Submits counted in that minute. */
  minuteCount: number
}

/** When a submit is counted. */
export interface LimitTake {
  day: string
  minute: string
}

/** The limits in force (settings rateLimitPerMinute, rateLimitPerDay; each at least 1). */
export interface Limits {
  perMinute: number
  perDay: number
}

/** How to undo a counted submit whose write was then refused (a rejected call stores nothing). */
export interface LimitUndo {
  day: string
  minute: string
  /** The take created the counter (the rater's first submit of the day). */
  created: boolean
  /** The take started a new minute: the minute and its count it replaced, where the store knows them (SQLite). */
  previousMinute?: { minute: string; minuteCount: number }
}

/**
 * What a rater's submit leaves on their counter for their next one: the ratings they gave this month,
 * each as the receipt key and level it was written with (key `<month>_<workerCode>`). CloudBase reads
 * the counter with the caller's role, so a re-rate knows the rating's state without reading it, and
 * guards its compare-and-set on exactly that state (backend/store/cloudbase/writes.ts); a stale note
 * costs a read, never a wrong count. A store without such a document ignores it.
 */
export interface CounterNote {
  rated: Record<string, RatedNote>
}

export interface RatedNote {
  /** The receipt key (idempotencyKeyOf) of the submit that wrote the rating. */
  k: string
  /** Its level. */
  l: number
}

export type LimitVerdict = { allowed: true; undo: LimitUndo } | { allowed: false; window: 'minute' | 'day' }

export interface LimitStore {
  /**
   * Counts one submit of `rater`, atomically and correct under concurrency across instances: refused
   * (nothing counted) when the day's count is at `perDay` (window 'day', checked first) or the minute's
   * at `perMinute` (window 'minute'); a new minute starts its count again at 1. `limits` is asked only
   * when the rater already has a counter that day: the day's first submit (1 <= any limit) needs no
   * settings. In the cloud a take is one conditional write when the role lookup read the rater's
   * counter with their principal (every submit: backend/limits/cloudbase.ts), else a read and one write.
   */
  take(rater: string, take: LimitTake, limits: () => Promise<Limits>, note?: CounterNote): Promise<LimitVerdict>
  /** Gives back a take that was allowed; when nothing counted since, the counter is as it was before (none if it was new). */
  giveBack(rater: string, undo: LimitUndo): Promise<void>
  /** The rater's counter of the day; null when none (the cloud keeps only a rater's latest day). */
  get(rater: string, day: string): Promise<LimitCounter | null>
  /** Removes the counters of days before `day` (China dates); answers how many. */
  removeBefore(day: string): Promise<number>
  /**
   * How old the settings (the limits) may be when a take uses them: SQLite reads them fresh (0); a cloud
   * function instance may reuse them for 60 s, a settings read being a database request.
   */
  readonly settingsMaxAgeMs: number
}
