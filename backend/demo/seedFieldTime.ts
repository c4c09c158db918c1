// The demo's field sessions (the 5 of 3456): in the twelve months before now, every working day but their
// days at the service hall, each worker logs a morning and an afternoon in the grid. Each worker has a share of the working day of
// their own, from 52% to 82%, averaging 67% — the pilot's half-year report: the 30 workers of 浮山办事处
// averaged 67% of their working time in the grid. A PRNG of its own keeps the rest of the demo as it was.
import { addMonths, monthOf } from '@core/periods'
import { fieldSessionId } from '../store/ids'
import type { GridRecord, WorkerRecord } from '../store'
import type { FieldSessionRecord } from '../fieldTime/store'
import { prng } from './seedRandom'
import { VISIT_MONTHS } from './seedVisits'

/** The working day the shares are of (the default `workMinutesPerDay`). */
const WORK_MINUTES = 480
const MORNING_MINUTES = 180

/** Shares 0.52, 0.5303…, …, 0.82 of the working day: 30 evenly spaced values with mean (0.52 + 0.82) / 2 = 0.67. */
export function demoShares(count: number): number[] {
  return Array.from({ length: count }, (_, i) => 0.52 + (0.3 * i) / Math.max(1, count - 1))
}

/** Monday to Friday of a month, as day numbers (the demo's settings configure no holidays; the scale seed uses it too). */
export function weekdays(month: string): number[] {
  const [year, month1] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))]
  const days = new Date(Date.UTC(year, month1, 0)).getUTCDate()
  return Array.from({ length: days }, (_, i) => i + 1).filter((day) => {
    const weekday = new Date(Date.UTC(year, month1 - 1, day)).getUTCDay()
    return weekday >= 1 && weekday <= 5
  })
}

/** A China-time clock time on a day, as ISO (UTC): China is UTC+8. */
function at(month: string, day: number, hour: number, minute: number): string {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, day, hour - 8, minute)).toISOString()
}

function plus(iso: string, minutes: number): string {
  return new Date(new Date(iso).getTime() + minutes * 60_000).toISOString()
}

/**
 * The day's minutes moved off the worker's hall days (they are at the window, not in the grid) onto their
 * other days of the month, spread evenly: a month's total stays what the share draws, so the grid-time
 * ratios (and 浮山's 67%) are those of a demo without a hall. Whole minutes; the first days take the rest.
 */
export function withoutHallDays(minutes: number[], onHallDuty: boolean[]): number[] {
  const fieldDays = onHallDuty.filter((hall) => !hall).length
  if (fieldDays === 0) return minutes.map(() => 0)
  const carried = minutes.reduce((sum, m, i) => (onHallDuty[i] ? sum + m : sum), 0)
  const each = Math.floor(carried / fieldDays)
  let rest = carried - each * fieldDays
  return minutes.map((m, i) => {
    if (onHallDuty[i]) return 0
    const extra = rest > 0 ? 1 : 0
    rest -= extra
    return m + each + extra
  })
}

/** `hallDates`: each worker's days on duty at the service hall (seedHall.ts), when they log no field session. */
export function demoFieldSessions(workers: WorkerRecord[], grids: GridRecord[], now: Date, idKey: string, seed = 5555, hallDates: ReadonlyMap<string, ReadonlySet<string>> = new Map()): FieldSessionRecord[] {
  const random = prng(seed)
  const shares = demoShares(workers.length)
  // Who gets which share: shuffled, so the share does not follow the worker code.
  for (let i = shares.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1))
    ;[shares[i], shares[j]] = [shares[j], shares[i]]
  }
  const current = monthOf(now)
  const months = Array.from({ length: VISIT_MONTHS }, (_, k) => addMonths(current, k - VISIT_MONTHS))
  const sessions: FieldSessionRecord[] = []
  workers.forEach((worker, w) => {
    const grid = grids.find((g) => g.id === worker.gridId)?.name.replace(/网格$/, '') ?? ''
    const base = { workerCode: worker.code, subdistrictId: worker.subdistrictId, communityId: worker.communityId, grid }
    for (const month of months) {
      const days = weekdays(month)
      // The day's minutes: the worker's share, give or take 15%, whole minutes; drawn for every weekday.
      const drawn = days.map(() => Math.round(shares[w] * WORK_MINUTES * (0.85 + 0.3 * random())))
      const hall = hallDates.get(worker.code)
      const logged = withoutHallDays(drawn, days.map((day) => hall?.has(`${month}-${String(day).padStart(2, '0')}`) === true))
      days.forEach((day, d) => {
        const minutes = logged[d]
        if (minutes === 0) return
        const morning = Math.min(minutes, MORNING_MINUTES)
        const startedAt = at(month, day, 8, 30)
        sessions.push({ ...base, sessionId: fieldSessionId(worker.code, startedAt, idKey), startedAt, endedAt: plus(startedAt, morning) })
        if (minutes > morning) {
          const afternoon = at(month, day, 14, 0)
          sessions.push({ ...base, sessionId: fieldSessionId(worker.code, afternoon, idKey), startedAt: afternoon, endedAt: plus(afternoon, minutes - morning) })
        }
      })
    }
  })
  return sessions
}
