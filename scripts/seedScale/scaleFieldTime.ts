// A scale seed's service visits and field sessions (the 5 of 3456), generated lazily like the ratings:
// - a visit behind every recipient's feedback (the person served rated it on the spot, 5-44 minutes
//   later), its code the feedback's serviceId, as visit.log and feedback.submit make them;
// - every working day (Monday-Friday) of the year, each worker logs a morning in the grid from 08:30
//   and, when the day's share goes past three hours, an afternoon from 14:00: a share of the 480-minute
//   day of their own between 50% and 80%, give or take 15% a day (the pilot averaged 67%).
// ISO strings are written out by hand, as in scaleActivity.ts: a year of a city is half a million sessions.
import type { FeedbackRecord, OrgSeed } from '@backend/store'
import type { FieldSessionRecord } from '@backend/fieldTime/store'
import type { VisitRecord } from '@backend/visits/store'
import { monthsOf } from '@core/periods'
import { prng } from '@backend/demo/seedRandom'
import { weekdays } from '@backend/demo/seedFieldTime'

const WORK_MINUTES = 480
const MORNING_MINUTES = 180
const two = (n: number) => (n < 10 ? `0${n}` : String(n))

/** One visit per feedback, logged a few minutes before it was given. */
export function* visitsOf(feedback: Iterable<Pick<FeedbackRecord, 'serviceId' | 'workerCode' | 'subdistrictId' | 'submittedAt'>>, org: OrgSeed): Generator<VisitRecord> {
  const random = prng(37)
  const communityOf = new Map(org.workers.map((worker) => [worker.code, worker.communityId]))
  for (const f of feedback) {
    const at = new Date(Date.parse(f.submittedAt) - (5 + Math.floor(random() * 40)) * 60_000).toISOString()
    yield { visitCode: f.serviceId, workerCode: f.workerCode, subdistrictId: f.subdistrictId, communityId: communityOf.get(f.workerCode) ?? '', type: '关爱走访', place: '', note: '', at }
  }
}

/** A UTC moment of a day `minutes` after midnight UTC (a China working day's hours stay within it). */
const utcAt = (date: string, minutes: number) => `${date}T${two(Math.floor(minutes / 60))}:${two(minutes % 60)}:00.000Z`

/** The year's field sessions of every worker, worker by worker. */
export function* fieldSessionsOf(org: OrgSeed, year: number): Generator<FieldSessionRecord> {
  const random = prng(41)
  const days = monthsOf(String(year)).flatMap((month) => weekdays(month).map((day) => `${month}-${two(day)}`))
  const gridName = new Map(org.grids.map((grid) => [grid.id, grid.name.replace(/网格$/, '')]))
  for (const worker of org.workers) {
    const share = 0.5 + 0.3 * random()
    const base = { workerCode: worker.code, subdistrictId: worker.subdistrictId, communityId: worker.communityId, grid: gridName.get(worker.gridId) ?? '' }
    for (const date of days) {
      const minutes = Math.round(share * WORK_MINUTES * (0.85 + 0.3 * random()))
      const morning = Math.min(minutes, MORNING_MINUTES)
      // 08:30 China time is 00:30 UTC; 14:00 is 06:00 UTC.
      const startedAt = utcAt(date, 30)
      yield { ...base, sessionId: `fs-${worker.code}-${startedAt}`, startedAt, endedAt: utcAt(date, 30 + morning) }
      if (minutes > morning) {
        const afternoon = utcAt(date, 360)
        yield { ...base, sessionId: `fs-${worker.code}-${afternoon}`, startedAt: afternoon, endedAt: utcAt(date, 360 + minutes - morning) }
      }
    }
  }
}
