// When the service hall's window is staffed, and the hall's code. Duty hours are a constant, not a
// setting: they are the hours China's community service halls post at the door (工作日 上午 8:30–12:00，
// 下午 14:30–17:30, the summer timetable Hubei's halls keep), and the rule they serve — a resident rates
// the worker who served them while the window is open — needs no per-city tuning. On a working day of
// the rota (the settings' calendar) only; the rota says who is on duty.
/** [from, to) in minutes after China midnight. */
export const HALL_DUTY_WINDOWS: ReadonlyArray<readonly [number, number]> = [
  [8 * 60 + 30, 12 * 60],
  [14 * 60 + 30, 17 * 60 + 30],
]

const clock = (minutes: number) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`

/** The duty hours in words, as the hall's page shows them. */
export const HALL_HOURS_TEXT = `工作日 ${HALL_DUTY_WINDOWS.map(([from, to]) => `${clock(from)}–${clock(to)}`).join('、')}`

const CHINA_OFFSET_MINUTES = 8 * 60

/** Minutes after midnight, China time (UTC+8, no daylight saving), of a moment. */
export function chinaMinuteOfDay(at: Date): number {
  const minutes = Math.floor(at.getTime() / 60_000) + CHINA_OFFSET_MINUTES
  return ((minutes % 1440) + 1440) % 1440
}

/** Whether a moment falls in the hall's duty hours (the day's being a working day is the rota's to say). */
export function withinDutyHours(at: Date): boolean {
  const minute = chinaMinuteOfDay(at)
  return HALL_DUTY_WINDOWS.some(([from, to]) => minute >= from && minute < to)
}

const HALL_CODE_PREFIX = 'hall-'

/**
 * A community hall's code: the `scene` its poster's code carries. Not secret (it hangs at the counter), so
 * it is the community's id under a prefix: one code per hall, and no lookup to find the hall from it.
 * Community ids are lower-case letters, digits and '-' (backend/org/orgIds.ts), so it is scene-safe.
 */
export function hallCodeOf(communityId: string): string {
  return `${HALL_CODE_PREFIX}${communityId}`
}

/** The community of a hall code; null when it is not one. */
export function communityOfHallCode(hallCode: string): string | null {
  return hallCode.startsWith(HALL_CODE_PREFIX) && hallCode.length > HALL_CODE_PREFIX.length ? hallCode.slice(HALL_CODE_PREFIX.length) : null
}
