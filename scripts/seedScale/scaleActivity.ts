// A year of believable activity for a scale seed, generated lazily (1M ratings are never all in memory):
// resident ratings from distinct residents of the worker's grid per month (one rating per rater,
// worker and month, DESIGN section 3), recipients' feedback, and every worker's monthly sub-district
// score. Workers differ — a few stand out, a few fall short, some are busier — so an evaluation of the
// seeded city grades like a real one, the 20% 优秀 quota included.
import { residentRatingId } from '@backend/store/ids'
import type { FeedbackRecord, OrgSeed, ResidentRatingRecord, SubdistrictScoreRecord, WorkerRecord } from '@backend/store'
import { monthsOf } from '@core/periods'
import { type LevelOdds, type Random, intBetween, levelFrom, prng } from '@backend/demo/seedRandom'
import { staffOpenidOf } from './scaleOrg'

interface Profile {
  residents: LevelOdds
  recipients: LevelOdds
  subdistrict: [number, number]
  /** How busy the worker is: their share of the city's ratings and feedback, relative. */
  activity: [number, number]
}

const STAR: Profile = { residents: [0, 0, 0.02, 0.28, 0.7], recipients: [0, 0, 0.02, 0.2, 0.78], subdistrict: [91, 96], activity: [1.1, 1.5] }
const GOOD: Profile = { residents: [0.01, 0.03, 0.14, 0.44, 0.38], recipients: [0, 0.02, 0.1, 0.42, 0.46], subdistrict: [76, 88], activity: [0.7, 1.3] }
const FAIR: Profile = { residents: [0.08, 0.16, 0.32, 0.32, 0.12], recipients: [0.05, 0.12, 0.35, 0.35, 0.13], subdistrict: [58, 68], activity: [0.5, 1] }

/** About one worker in ten stands out and one in eight falls short. */
function profileOf(random: Random): Profile {
  const r = random()
  return r < 0.1 ? STAR : r < 0.22 ? FAIR : GOOD
}

const OPENID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

interface Cell {
  worker: WorkerRecord
  profile: Profile
  month: string
  ratings: number
  feedback: number
}

export class ScaleActivity {
  private readonly cells: Cell[] = []
  private readonly households = new Map<string, number>()
  private readonly pools = new Map<string, string[]>()
  private readonly poolRandom = prng(11)
  private readonly takenOpenids = new Set<string>()

  constructor(org: OrgSeed, year: number, ratings: number, feedback: number) {
    const random = prng(7)
    for (const grid of org.grids) this.households.set(grid.id, grid.households)
    const months = monthsOf(String(year))
    const weights: number[] = []
    for (const worker of org.workers) {
      const profile = profileOf(random)
      const activity = profile.activity[0] + random() * (profile.activity[1] - profile.activity[0])
      for (const month of months) {
        this.cells.push({ worker, profile, month, ratings: 0, feedback: 0 })
        // Months vary a little around the worker's level of activity (holidays, campaigns).
        weights.push(activity * (0.8 + 0.4 * random()))
      }
    }
    const ratingCounts = apportion(ratings, weights)
    const feedbackCounts = apportion(feedback, weights)
    this.cells.forEach((cell, i) => {
      cell.ratings = ratingCounts[i]
      cell.feedback = feedbackCounts[i]
    })
  }

  /** Each cell's raters are distinct residents of the worker's grid: a start and a stride coprime to the pool. */
  *ratings(): Generator<ResidentRatingRecord> {
    const random = prng(23)
    for (const { worker, profile, month, ratings } of this.cells) {
      if (ratings === 0) continue
      const pool = this.poolOf(worker.gridId, ratings)
      const start = Math.floor(random() * pool.length)
      const stride = coprimeStride(pool.length, random)
      for (let j = 0; j < ratings; j += 1) {
        const openid = pool[(start + j * stride) % pool.length]
        yield {
          id: residentRatingId(openid, worker.code, month),
          openid,
          workerCode: worker.code,
          subdistrictId: worker.subdistrictId,
          month,
          level: levelFrom(random, profile.residents),
          comment: '',
          commentStatus: 'none',
          submittedAt: chinaTimeIn(month, random),
        }
      }
    }
  }

  /** One feedback per service visit, from one of the grid's residents. */
  *feedback(): Generator<FeedbackRecord> {
    for (const { worker, personDraw, ...feedback } of this.feedbackDraws()) {
      const pool = this.poolOf(worker.gridId, 1)
      yield { ...feedback, openid: pool[Math.floor(personDraw * pool.length)] }
    }
  }

  /**
   * The feedback without the person who gave it (`personDraw` picks them from the grid's residents): what
   * the visits behind it are made from, without drawing any resident (the ratings' openids stay as they were).
   */
  *feedbackDraws(): Generator<Omit<FeedbackRecord, 'openid'> & { worker: WorkerRecord; personDraw: number }> {
    const random = prng(29)
    for (const { worker, profile, month, feedback } of this.cells) {
      for (let visit = 1; visit <= feedback; visit += 1) {
        const personDraw = random()
        yield {
          worker,
          personDraw,
          serviceId: `svc-${worker.code}-${month}-${visit}`,
          workerCode: worker.code,
          subdistrictId: worker.subdistrictId,
          month,
          level: levelFrom(random, profile.recipients),
          comment: '',
          commentStatus: 'none',
          submittedAt: chinaTimeIn(month, random),
        }
      }
    }
  }

  /** Every worker's score for every month, entered by their sub-district's staff at the month's end. */
  *scores(): Generator<SubdistrictScoreRecord> {
    const random = prng(31)
    for (const { worker, profile, month } of this.cells) {
      yield {
        workerCode: worker.code,
        subdistrictId: worker.subdistrictId,
        period: month,
        score: intBetween(random, profile.subdistrict),
        enteredBy: staffOpenidOf(worker.subdistrictId),
        enteredAt: `${month}-28T09:00:00.000Z`,
      }
    }
  }

  /** The grid's residents who rate (pseudo-random openids, distinct city-wide), at least `needed` of them. */
  private poolOf(gridId: string, needed: number): string[] {
    let pool = this.pools.get(gridId)
    if (pool === undefined) {
      pool = []
      this.pools.set(gridId, pool)
    }
    const size = Math.max(this.households.get(gridId) ?? 400, needed)
    while (pool.length < size) pool.push(this.newOpenid())
    return pool
  }

  /** 'o' and 27 characters like a real openid; redrawn on the (unlikely) clash, so raters stay distinct. */
  private newOpenid(): string {
    for (;;) {
      let openid = 'o'
      for (let i = 0; i < 27; i += 1) openid += OPENID_ALPHABET[Math.floor(this.poolRandom() * 64)]
      if (!this.takenOpenids.has(openid)) {
        this.takenOpenids.add(openid)
        return openid
      }
    }
  }
}

/** Splits `total` in proportion to the weights, exactly: cumulative rounding, so the parts add up to `total`. */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  let cumulative = 0
  let given = 0
  return weights.map((weight) => {
    cumulative += weight
    const upTo = sum === 0 ? 0 : Math.round((total * cumulative) / sum)
    const part = upTo - given
    given = upTo
    return part
  })
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b)
}

/** A step in 1..n-1 sharing no factor with n, so (start + j * step) mod n visits n distinct indexes. */
function coprimeStride(n: number, random: Random): number {
  if (n <= 2) return 1
  let step = 1 + Math.floor(random() * (n - 1))
  while (gcd(step, n) !== 1) step = (step % (n - 1)) + 1
  return step
}

/**
 * A moment in `month` between 08:00 and 20:59 China time, days 1-28, as an ISO (UTC) string. Written
 * out by hand (1.2M Date objects took a second): 08:00-20:59 China time is 00:00-12:59 UTC the same day.
 */
function chinaTimeIn(month: string, random: Random): string {
  const two = (n: number) => (n < 10 ? `0${n}` : String(n))
  const day = 1 + Math.floor(random() * 28)
  const minuteUtc = Math.floor(random() * 13 * 60)
  return `${month}-${two(day)}T${two(Math.floor(minuteUtc / 60))}:${two(minuteUtc % 60)}:00.000Z`
}
