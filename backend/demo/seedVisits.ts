// The demo's service visits: a visit behind every recipient's feedback (the person served
// rated that visit on the spot, a few minutes after it), visits nobody rated, and — for the 12 months
// before the current one — visits and feedback also in the months before the ratings' six. Generated
// from a PRNG of its own, so the older demo data (ratings, the six months' feedback) stays as it was; the
// codes alone are crypto-random (newVisitCode), as a real visit's are: none can be guessed and rated.
import { addMonths, monthOf } from '@core/periods'
import type { FeedbackRecord, GridRecord, WorkerRecord } from '../store'
import type { VisitRecord, VisitType } from '../visits/store'
import { newVisitCode } from '../visits/visitCodes'
import { type LevelOdds, type Random, intBetween, levelFrom, prng } from './seedRandom'

/** Visits, feedback and field sessions reach this many months back; ratings only DEMO_MONTHS. */
export const VISIT_MONTHS = 12

const TYPES: VisitType[] = ['政策宣传', '入户登记', '帮办代办', '矛盾调解', '关爱走访', '其他']
const NOTES: Record<VisitType, string> = {
  政策宣传: '讲解高龄津贴申领',
  入户登记: '登记新入住人员信息',
  帮办代办: '代办医保报销材料',
  矛盾调解: '调解楼上楼下漏水纠纷',
  关爱走访: '看望独居老人，血压正常',
  其他: '核实楼道安全隐患',
}

export interface DemoVisitInput {
  workers: WorkerRecord[]
  grids: GridRecord[]
  /** The six months' feedback of the demo: each gets its visit. */
  feedback: FeedbackRecord[]
  /** Odds of a recipient's level, per worker (the worker's demo profile). */
  recipientOdds: (workerCode: string) => LevelOdds
  /** Feedback per month a worker gets, per worker (the profile's recipientsPerMonth). */
  recipientsPerMonth: (workerCode: string) => [number, number]
  now: Date
  ratingMonths: number
  /** The PRNG seed: 浮山's visits keep the default, the second sub-district has one of its own. */
  seed?: number
  /** Where visit codes come from (default newVisitCode; a setup that may load twice: seedCodes.ts). */
  codes?: () => string
}

/** A China-time moment of `month` on `day`, between 08:30 and 17:29, as ISO (UTC). */
function workTime(month: string, day: number, random: Random): string {
  // Minutes after 08:00 China time, which is 00:00 UTC.
  const minutes = 30 + Math.floor(random() * 540)
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, day, Math.floor(minutes / 60), minutes % 60)).toISOString()
}

function minutesBefore(iso: string, minutes: number): string {
  return new Date(new Date(iso).getTime() - minutes * 60_000).toISOString()
}

export function demoVisits(input: DemoVisitInput): { visits: VisitRecord[]; olderFeedback: FeedbackRecord[] } {
  const random = prng(input.seed ?? 5354)
  const nextCode = input.codes ?? newVisitCode
  const workerOf = new Map(input.workers.map((worker) => [worker.code, worker]))
  const placeOf = (worker: WorkerRecord) => {
    const grid = input.grids.find((g) => g.id === worker.gridId)?.name.replace(/网格$/, '') ?? ''
    return `${grid}${1 + Math.floor(random() * 12)}栋`
  }
  const visit = (worker: WorkerRecord, visitCode: string, at: string): VisitRecord => {
    const type = TYPES[Math.floor(random() * TYPES.length)]
    return { visitCode, workerCode: worker.code, subdistrictId: worker.subdistrictId, communityId: worker.communityId, type, place: placeOf(worker), note: NOTES[type], at }
  }
  const visits: VisitRecord[] = []
  // Every feedback of the six months rated a visit made a few minutes before it.
  for (const f of input.feedback) {
    const worker = workerOf.get(f.workerCode)
    if (worker !== undefined) visits.push(visit(worker, f.serviceId, minutesBefore(f.submittedAt, 5 + Math.floor(random() * 40))))
  }
  const olderFeedback: FeedbackRecord[] = []
  const current = monthOf(input.now)
  for (let back = VISIT_MONTHS; back >= 1; back -= 1) {
    const month = addMonths(current, -back)
    for (const worker of input.workers) {
      // Visits nobody rated: one to three a month.
      for (let k = 1; k <= intBetween(random, [1, 3]); k += 1) visits.push(visit(worker, nextCode(), workTime(month, 1 + Math.floor(random() * 27), random)))
      if (back <= input.ratingMonths) continue
      // Before the ratings' months: rated visits too, as many as the worker's profile gets.
      for (let k = 1; k <= intBetween(random, input.recipientsPerMonth(worker.code)); k += 1) {
        const serviceId = nextCode()
        const at = workTime(month, 1 + Math.floor(random() * 27), random)
        visits.push(visit(worker, serviceId, at))
        const submittedAt = new Date(new Date(at).getTime() + (5 + Math.floor(random() * 40)) * 60_000).toISOString()
        olderFeedback.push({
          serviceId,
          openid: `seed-recipient-${worker.gridId}-${Math.floor(random() * 120)}`,
          workerCode: worker.code,
          subdistrictId: worker.subdistrictId,
          month: monthOf(submittedAt),
          level: levelFrom(random, input.recipientOdds(worker.code)),
          comment: '',
          commentStatus: 'none',
          submittedAt,
        })
      }
    }
  }
  return { visits, olderFeedback }
}
