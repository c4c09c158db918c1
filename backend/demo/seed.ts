// The demo seed of the local runtime: the pilot's organisation plus six months of believable activity
// (resident ratings, service-recipient feedback, monthly sub-district scores and the submitted sheets
// they came from) in the months BEFORE the current China month only — the current month starts empty, so
// what a demo user rates is what shows.
// Deterministic (a seeded PRNG, never Math.random): the same `now` always gives the same data — except
// visit codes, which are crypto-random (newVisitCode), since a code derived from a seed in the source could
// be recomputed by anyone and rated (trust rule 5); admin.setup, which may have to load the demo twice,
// derives them from a secret seed of its own instead (seedCodes.ts). No test depends on a code's value.
import { newVisitCode } from '../visits/visitCodes'
import type { Secrets } from '../secrets/secrets'
import { residentRatingId } from '../store/ids'
import type { ActivityLoad, FeedbackRecord, GridRecord, ResidentRatingRecord, Store, SubdistrictScoreRecord, WorkerRecord } from '../store'
import { addMonths, monthOf } from '@core/periods'
import type { Level } from '@core/types'
import { DEMO_SECOND_SUBDISTRICT_ID, DEMO_SECOND_SUBDISTRICT_STAFF, DEMO_SUBDISTRICT_ID, DEMO_SUBDISTRICT_STAFF, demoOrg } from './seedOrg'
import { type LevelOdds, type Random, intBetween, levelFrom, prng } from './seedRandom'
import { demoFieldSessions } from './seedFieldTime'
import { demoHallDates, demoHallFeedback, demoHallRotas } from './seedHall'
import { demoVisits } from './seedVisits'
import { demoBurst, seedDemoBurst } from './seedReviews'
import { runSuspicionCheck } from '../reviews/suspicion'
import { demoSheets } from './seedSheets'
import { DEFAULT_SETTINGS } from '@core/settings'

export { DEMO_RESIDENTS, DEMO_SECOND_SUBDISTRICT_ID, DEMO_SECOND_SUBDISTRICT_STAFF, DEMO_SUBDISTRICT_ID, DEMO_SUBDISTRICT_STAFF, demoOrg } from './seedOrg'

/** How many months of history the demo has, all before the current month. */
export const DEMO_MONTHS = 6

interface Profile {
  residents: LevelOdds
  recipients: LevelOdds
  /** Resident ratings per active month, [min, max]. */
  residentsPerMonth: [number, number]
  recipientsPerMonth: [number, number]
  /** Monthly sub-district score, [min, max]. */
  subdistrict: [number, number]
  /** Months with activity, counted back from the last month before now (new workers have fewer). */
  activeMonths: number
}

const STAR: Profile = {
  residents: [0, 0, 0.02, 0.28, 0.7],
  recipients: [0, 0, 0.02, 0.2, 0.78],
  residentsPerMonth: [12, 18],
  recipientsPerMonth: [4, 7],
  subdistrict: [91, 96],
  activeMonths: DEMO_MONTHS,
}
const GOOD: Profile = {
  residents: [0.01, 0.03, 0.14, 0.44, 0.38],
  recipients: [0, 0.02, 0.1, 0.42, 0.46],
  residentsPerMonth: [10, 16],
  recipientsPerMonth: [3, 6],
  subdistrict: [78, 88],
  activeMonths: DEMO_MONTHS,
}
const FAIR: Profile = {
  residents: [0.08, 0.16, 0.32, 0.32, 0.12],
  recipients: [0.05, 0.12, 0.35, 0.35, 0.13],
  residentsPerMonth: [10, 15],
  recipientsPerMonth: [3, 5],
  subdistrict: [60, 66],
  activeMonths: DEMO_MONTHS,
}

/**
 * Who stands out in the demo, so a half-year evaluation tells a story: eight workers above 90 compete
 * for the six 优秀 places of a 30-worker sub-district (the 20% quota); two newcomers have too few
 * resident ratings (one of them scores above 90 but the flag keeps them from 优秀); one worker logged
 * few service visits; two workers are 基本称职. Everyone else is a solid 称职.
 */
const PROFILE_OF: Record<string, Profile> = {
  YQ01: STAR, YQ03: STAR, YQ07: STAR, YQ10: STAR, YQ14: STAR, QL01: STAR, QL05: STAR, QL09: STAR,
  YQ12: FAIR, QL07: FAIR,
  YQ18: { ...STAR, residentsPerMonth: [1, 2], activeMonths: 2 },
  QL12: { ...GOOD, residentsPerMonth: [1, 2], activeMonths: 2 },
  QL11: { ...GOOD, recipientsPerMonth: [0, 1] },
}

const RESIDENT_COMMENTS: Record<Level, string[]> = {
  5: ['上门帮我办好了高龄补贴，很耐心', '楼道灯坏了当天就找人修好了', '经常来看我们老两口，放心'],
  4: ['办事挺快的，就是电话有时打不通', '网格里的事情都记在心上'],
  3: ['反映的问题有回音，但处理得慢了点'],
  2: ['停车的事说了好几次还没解决'],
  1: ['来办事等了很久也没人管'],
}

/** A moment on `day` of the month between 08:00 and 20:59 China time, as an ISO (UTC) string. */
function chinaTime(year: number, month: number, day: number, random: Random): string {
  const hour = 8 + Math.floor(random() * 13)
  const minute = Math.floor(random() * 60)
  return new Date(Date.UTC(year, month - 1, day, hour - 8, minute)).toISOString()
}

/** `count` distinct rater indexes out of a pool, so one rater rates a worker at most once a month. */
function distinctRaters(random: Random, pool: number, count: number): number[] {
  const picked = new Set<number>()
  while (picked.size < Math.min(count, pool)) picked.add(Math.floor(random() * pool))
  return [...picked]
}

/** Residents of a grid who rate in the demo; pseudo openids, never a demo identity's. */
const RATERS_PER_GRID = 120

/** 温泉办事处's six workers: modest, steady activity, enough to read a report by. */
const MODEST: Profile = { ...GOOD, residentsPerMonth: [5, 9], recipientsPerMonth: [2, 4], subdistrict: [75, 88] }

/**
 * Each sub-district's activity comes from PRNGs of its own, in turn: 浮山 first with the seeds it always
 * had, so adding 温泉办事处 left every one of 浮山's ratings, scores, visits and sessions as it was.
 */
const SUBDISTRICT_PLANS: Array<{ id: string; staff: string; usual: Profile; seeds: [ratings: number, visits: number, fieldTime: number] }> = [
  { id: DEMO_SUBDISTRICT_ID, staff: DEMO_SUBDISTRICT_STAFF, usual: GOOD, seeds: [3456, 5354, 5555] },
  { id: DEMO_SECOND_SUBDISTRICT_ID, staff: DEMO_SECOND_SUBDISTRICT_STAFF, usual: MODEST, seeds: [8456, 8354, 8555] },
]

/**
 * The demo's ratings, feedback and monthly scores: what seedDemo loads, generated without touching a
 * store. The same `now`, `idKey` and visit codes give the same activity.
 */
export function demoActivity(now: Date, idKey: string, codes: () => string = newVisitCode): ActivityLoad {
  const org = demoOrg()
  const hallDates = demoHallDates(demoHallRotas(org, now), now)
  const loads = SUBDISTRICT_PLANS.map((plan) => subdistrictActivity(org.workers.filter((w) => w.subdistrictId === plan.id), org.grids, plan, now, idKey, codes, hallDates))
  return {
    visits: loads.flatMap((load) => load.visits),
    fieldSessions: loads.flatMap((load) => load.fieldSessions),
    ratings: loads.flatMap((load) => load.ratings),
    feedback: loads.flatMap((load) => load.feedback),
    scores: loads.flatMap((load) => load.scores),
  }
}

function subdistrictActivity(workers: WorkerRecord[], grids: GridRecord[], plan: (typeof SUBDISTRICT_PLANS)[number], now: Date, idKey: string, codes: () => string, hallDates: ReadonlyMap<string, ReadonlySet<string>>) {
  const random = prng(plan.seeds[0])
  const profileOf = (code: string) => PROFILE_OF[code] ?? plan.usual
  const current = monthOf(now)
  // A re-rate replaces the rater's earlier rating of that worker and month (same id): keep the last.
  const ratings = new Map<string, ResidentRatingRecord>()
  const activity = { feedback: [] as FeedbackRecord[], scores: [] as SubdistrictScoreRecord[] }
  for (let back = DEMO_MONTHS; back >= 1; back -= 1) {
    const month = addMonths(current, -back)
    for (const worker of workers) {
      const profile = profileOf(worker.code)
      if (back > profile.activeMonths) continue
      seedWorkerMonth({ ratings, ...activity }, worker, profile, month, random, plan.staff, codes)
    }
  }
  const { visits, olderFeedback } = demoVisits({
    workers,
    grids,
    feedback: activity.feedback,
    recipientOdds: (code) => profileOf(code).recipients,
    recipientsPerMonth: (code) => profileOf(code).recipientsPerMonth,
    now,
    ratingMonths: DEMO_MONTHS,
    seed: plan.seeds[1],
    codes,
  })
  const fieldSessions = demoFieldSessions(workers, grids, now, idKey, plan.seeds[2], hallDates)
  // The people served at the hall's window rated in the ratings' months too (no visit behind them).
  const inPlan = new Set(workers.map((w) => w.code))
  const ratedMonths = Array.from({ length: DEMO_MONTHS }, (_, k) => addMonths(current, k - DEMO_MONTHS))
  const rotas = demoHallRotas(demoOrg(), now).filter((rota) => rota.subdistrictId === plan.id)
  const hallFeedback = demoHallFeedback(rotas, ratedMonths, (code) => profileOf(code).recipients, idKey).filter((f) => inPlan.has(f.workerCode))
  return { visits, fieldSessions, ratings: [...ratings.values()], feedback: [...olderFeedback, ...activity.feedback, ...hallFeedback], scores: activity.scores }
}

export interface DemoOptions {
  /** Where visit codes come from (default newVisitCode). */
  visitCodes?: () => string
  /**
   * A load that stopped midway is continued (admin.setup after a setup killed midway): what is stored is
   * kept, the counts are rebuilt from the whole demo. It needs the first load's `now` and visit codes.
   */
  resume?: boolean
}

/** The demo organisation and its activity, the same on SQLite and on CloudBase (admin.setup { demo: true }). */
export async function seedDemo(store: Store, now: Date, secrets: Secrets, { visitCodes, resume = false }: DemoOptions = {}): Promise<void> {
  await store.putOrg(demoOrg())
  // 银泉's hall rotas (a month's first version: a resumed load finds the stored one and keeps it).
  for (const rota of demoHallRotas(demoOrg(), now)) await store.hall.putRota(rota)
  const activity = demoActivity(now, secrets.idKey, visitCodes)
  if (!resume) {
    await store.loadActivity(activity)
    await seedSheets(store, activity)
    // A suspicious burst, flagged, so the review queue has something to show (seedReviews.ts).
    await seedDemoBurst(store, now, secrets)
    return
  }
  // The burst's ratings add to a month of the activity: both are loaded again in one, counted together.
  const burst = demoBurst(now, secrets.clientHashKey)
  await store.loadActivity({ ...activity, ratings: [...(activity.ratings ?? []), ...burst.ratings] }, { resume: true })
  await seedSheets(store, activity)
  await runSuspicionCheck(store, burst.checkAt, secrets.idKey)
}

/** The submitted sheets behind the activity's scores (seedSheets.ts), on the criteria in force; one stored already (a resumed load) stays. */
async function seedSheets(store: Store, activity: ActivityLoad): Promise<void> {
  const criteria = (await store.getSettings())?.sheetCriteria ?? DEFAULT_SETTINGS.sheetCriteria
  for (const sheet of demoSheets(activity.scores ?? [], demoOrg(), criteria)) await store.sheets.putSheet(sheet)
}

interface DemoRecords {
  ratings: Map<string, ResidentRatingRecord>
  feedback: FeedbackRecord[]
  scores: SubdistrictScoreRecord[]
}

function seedWorkerMonth(records: DemoRecords, worker: WorkerRecord, profile: Profile, month: string, random: Random, enteredBy: string, codes: () => string): void {
  const [year, month1] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))]
  const base = { workerCode: worker.code, subdistrictId: worker.subdistrictId, month }
  const rate = (rating: ResidentRatingRecord) => records.ratings.set(rating.id, rating)
  for (const rater of distinctRaters(random, RATERS_PER_GRID, intBetween(random, profile.residentsPerMonth))) {
    const openid = `seed-resident-${worker.gridId}-${rater}`
    const day = 1 + Math.floor(random() * 24)
    rate(residentRating(openid, base, levelFrom(random, profile.residents), chinaTime(year, month1, day, random), random))
    // About one rater in twenty changes their mind later that month: the re-rate replaces the first.
    if (random() < 0.05) {
      const later = chinaTime(year, month1, day + 1 + Math.floor(random() * 3), random)
      rate(residentRating(openid, base, levelFrom(random, profile.residents), later, random))
    }
  }
  const visits = intBetween(random, profile.recipientsPerMonth)
  for (let visit = 1; visit <= visits; visit += 1) {
    records.feedback.push({
      ...base,
      serviceId: codes(),
      openid: `seed-recipient-${worker.gridId}-${Math.floor(random() * RATERS_PER_GRID)}`,
      level: levelFrom(random, profile.recipients),
      comment: '',
      commentStatus: 'none',
      submittedAt: chinaTime(year, month1, 1 + Math.floor(random() * 27), random),
    })
  }
  records.scores.push({
    workerCode: worker.code,
    subdistrictId: worker.subdistrictId,
    period: month,
    score: intBetween(random, profile.subdistrict),
    enteredBy,
    enteredAt: chinaTime(year, month1, 28, random),
  })
}

function residentRating(
  openid: string,
  base: { workerCode: string; subdistrictId: string; month: string },
  level: Level,
  submittedAt: string,
  random: Random,
): ResidentRatingRecord {
  // About one rating in eight carries a comment, already through moderation ('pass').
  const comments = RESIDENT_COMMENTS[level]
  const comment = random() < 0.125 ? comments[Math.floor(random() * comments.length)] : ''
  return {
    ...base,
    id: residentRatingId(openid, base.workerCode, base.month),
    openid,
    level,
    comment,
    commentStatus: comment === '' ? 'none' : 'pass',
    submittedAt,
  }
}
