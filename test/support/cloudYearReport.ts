// A year report in the cloud: the BUILT function over the CloudBase emulator with the real wx-server-sdk,
// for a sub-district of `workers` workers with a whole year of resident ratings, service visits with
// their feedback, monthly scores, field sessions and every community's hall rota of every month (4 a day,
// as the demo's 银泉: backend/demo/seedHall.ts suggestedRotasOf, what `npm run seed:scale` loads too). Shared by test/cloud/reportCost.test.ts (the request
// budget) and the benchmark (scripts/bench/reports.ts: the requests and the time at 20 ms a request).
import { residentRatingId } from '@backend/store/ids'
import type { FeedbackRecord, ResidentRatingRecord, SubdistrictScoreRecord } from '@backend/store'
import type { FieldSessionRecord } from '@backend/fieldTime/store'
import type { VisitRecord } from '@backend/visits/store'
import { suggestedRotasOf } from '@backend/demo/seedHall'
import { monthsOf } from '@core/periods'
import type { Level } from '@core/types'
import { loadCloudFunction } from '../cloudbase/realSdk'
import { setUpCloud } from './cloudEnv'
import { YEAR_BUREAU, YEAR_STAFF, YEAR_SUBDISTRICT, yearOrg } from './cloudYear'

export interface CloudYearReportOptions {
  workers: number
  year: string
  /** Each database request answers after this many ms while the report runs (loading is immediate). */
  latencyMs?: number
  /** Field sessions per worker and month (default: one each working day of a 22-day month). */
  sessionsPerMonth?: number
  /** Resident ratings per worker and month (default 5). */
  ratingsPerMonth?: number
}

export interface CloudYearReport {
  /** `api collection` in the order they were made (the instance's one-off read of its keys left out). */
  requests: string[]
  ms: number
  reply: unknown
}

const iso = (month: string, day: number, hourUtc: number, minute: number) =>
  `${month}-${String(day).padStart(2, '0')}T${String(hourUtc).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`

/** The year's activity: every month each worker's ratings, two visits each with its feedback, a score and the sessions. */
export function yearActivity(options: CloudYearReportOptions) {
  const org = yearOrg(options.workers)
  const ratings: ResidentRatingRecord[] = []
  const visits: VisitRecord[] = []
  const feedback: FeedbackRecord[] = []
  const scores: SubdistrictScoreRecord[] = []
  const fieldSessions: FieldSessionRecord[] = []
  const sessionsPerMonth = options.sessionsPerMonth ?? 22
  const ratingsPerMonth = options.ratingsPerMonth ?? 5
  monthsOf(options.year).forEach((month, m) => {
    org.workers.forEach((worker, i) => {
      const base = { workerCode: worker.code, subdistrictId: worker.subdistrictId, month, comment: '', commentStatus: 'none' as const }
      for (let r = 0; r < ratingsPerMonth; r += 1) {
        const openid = `o-resident-${i}-${r}`
        ratings.push({ ...base, id: residentRatingId(openid, worker.code, month), openid, level: (((i + m + r) % 5) + 1) as Level, submittedAt: iso(month, 2 + r, 3, 10) })
      }
      for (let v = 0; v < 2; v += 1) {
        const visitCode = `v${worker.code}${month.replace('-', '')}${v}`
        const at = iso(month, 10 + v, 1, 30)
        visits.push({ visitCode, workerCode: worker.code, subdistrictId: worker.subdistrictId, communityId: worker.communityId, type: '关爱走访', place: '', note: '', at })
        feedback.push({ ...base, serviceId: visitCode, openid: `o-recipient-${i}-${v}`, level: (((i + v) % 5) + 1) as Level, submittedAt: iso(month, 10 + v, 2, 0) })
      }
      scores.push({ workerCode: worker.code, subdistrictId: worker.subdistrictId, period: month, score: 60 + ((i + m) % 41), enteredBy: YEAR_STAFF, enteredAt: iso(month, 28, 1, 0) })
      // 08:30-12:00 China time (00:30-04:00 UTC) on days 1..sessionsPerMonth.
      for (let day = 1; day <= sessionsPerMonth; day += 1) {
        const startedAt = iso(month, day, 0, 30)
        fieldSessions.push({ sessionId: `fs-${worker.code}-${startedAt}`, workerCode: worker.code, subdistrictId: worker.subdistrictId, communityId: worker.communityId, grid: '', startedAt, endedAt: iso(month, day, 4, i % 60) })
      }
    })
  })
  return { org, activity: { ratings, visits, feedback, scores, fieldSessions } }
}

/** The bureau's report.get of the year, by a cold instance, once everything is loaded. */
export async function yearReportInCloud(options: CloudYearReportOptions): Promise<CloudYearReport> {
  const { org, activity } = yearActivity(options)
  const { emulator, store } = await setUpCloud(org)
  await store.loadActivity(activity)
  for (const rota of suggestedRotasOf(org, monthsOf(options.year))) await store.hall.putRota(rota)
  await store.prepareYear(options.year)
  const api = loadCloudFunction(emulator, { instanceId: 'report' })
  // The instance's one-off read of the deployment's keys, by a call that is not measured.
  await api.invoke({ action: 'session.me', payload: {} }, { openid: YEAR_BUREAU })
  emulator.resetRequests()
  if (options.latencyMs !== undefined) emulator.setLatency(options.latencyMs)
  const started = performance.now()
  const reply = await api.invoke({ action: 'report.get', payload: { kind: 'year', period: options.year, subdistrictId: YEAR_SUBDISTRICT } }, { openid: YEAR_BUREAU })
  const ms = performance.now() - started
  emulator.setLatency('immediate')
  const requests = emulator.requests.filter((r) => r.instance === 'report').map((r) => `${r.api} ${r.collection ?? ''}`.trim())
  return { requests, ms, reply }
}
