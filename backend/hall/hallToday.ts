// Who is on duty at a hall right now, from its code: the month's rota (one read: it carries the
// community's name and sub-district and its workers' names and posts), today's China date and the duty
// hours (src/core/hallHours.ts). Read by the hall's card and by its feedback, which admits only a worker
// on duty now; outside duty hours, on a day off or with no rota, it says so plainly.
import { ApiError } from '@core/errors'
import { isWorkingDay } from '@core/cases'
import { communityOfHallCode, HALL_HOURS_TEXT, withinDutyHours } from '@core/hallHours'
import type { HallClosedBecause, HallWorker } from '@core/hallSchemas'
import { chinaDateOf, monthOf } from '@core/periods'
import type { Store } from '../store'
import { calendarOf } from './rotaView'

export interface HallNow {
  communityId: string
  /** Null when the month has no rota (the card then reads the community). */
  communityName: string | null
  subdistrictId: string | null
  date: string
  /** Today's on-duty workers in post (one taken out of post since the rota was made is left out). */
  onDuty: HallWorker[]
  /** Workers of the rota no longer in post. */
  outOfPost: ReadonlySet<string>
  closedBecause: HallClosedBecause | null
}

export const HALL_CLOSED_MESSAGES: Readonly<Record<HallClosedBecause, string>> = {
  'not-working-day': `今天是休息日，大厅不值班。值班时间：${HALL_HOURS_TEXT}`,
  'no-rota': '今天大厅还没有排值班，暂时不能在这里评价',
  'outside-hours': `现在不在大厅值班时间，值班时间：${HALL_HOURS_TEXT}`,
}

export function communityOfCode(hallCode: string): string {
  const communityId = communityOfHallCode(hallCode)
  if (communityId === null) throw new ApiError('NOT_FOUND', '没有找到这个服务大厅，请确认扫的是大厅柜台上的评价码')
  return communityId
}

export async function hallNow(store: Store, hallCode: string, now: Date): Promise<HallNow> {
  const communityId = communityOfCode(hallCode)
  const date = chinaDateOf(now)
  const rota = await store.hall.getRota(communityId, monthOf(now))
  if (rota === null) {
    // Whether today is a day off at all: the settings' calendar, read only when there is no rota to say.
    const closedBecause = isWorkingDay(date, await calendarOf(store)) ? 'no-rota' : 'not-working-day'
    return { communityId, communityName: null, subdistrictId: null, date, onDuty: [], outOfPost: new Set(), closedBecause }
  }
  const outOfPost = new Set(rota.outOfPost ?? [])
  const codes = (rota.days.find((day) => day.date === date)?.workerCodes ?? []).filter((code) => !outOfPost.has(code))
  const byCode = new Map(rota.workers.map((worker) => [worker.workerCode, worker]))
  const onDuty = codes.map((code) => byCode.get(code) ?? { workerCode: code, name: code, post: '' })
  // A generated rota has nobody on a day off, and an edit cannot empty a working day.
  const closedBecause = onDuty.length === 0 ? 'not-working-day' : withinDutyHours(now) ? null : 'outside-hours'
  return { communityId, communityName: rota.communityName, subdistrictId: rota.subdistrictId, date, onDuty, outOfPost, closedBecause }
}
