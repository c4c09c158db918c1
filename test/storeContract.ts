// The one contract every Store implementation must meet (DESIGN section 4): run against SqliteStore
// (backend/store/sqlite/sqliteStore.test.ts) and against CloudStore over the recorded fake of the wx-server-sdk
// database (backend/store/cloudbase/cloudStore.test.ts). Tallies are checked with numbers worked out by hand:
// every rating, feedback and monthly score of a month counts in the tallies of its month, its half-year
// and its year (2026-03 → 2026-03, 2026-H1, 2026).
import { residentRatingId } from '@backend/store/ids'
import type {
  FeedbackRecord,
  OrgSeed,
  ResidentRatingRecord,
  Store,
  SubdistrictScoreRecord,
  TallyRecord,
  WorkerRecord,
} from '@backend/store'
import { DEFAULT_SETTINGS } from '@core/settings'
import type { Level, LevelHistogram, Settings } from '@core/types'

export const SID = 'sd-a'
export const OTHER_SID = 'sd-b'

/** A sub-district with one community, one grid, one post and `workerCount` workers W0001, W0002, ... */
export function orgOf(sid: string, workerCount: number, principalCount = 0): OrgSeed {
  const communityId = `${sid}-c1`
  const gridId = `${sid}-g1`
  const workers: WorkerRecord[] = Array.from({ length: workerCount }, (_, i) => ({
    code: `${sid === SID ? 'W' : 'X'}${String(i + 1).padStart(4, '0')}`,
    name: `工作者${i + 1}`,
    postId: 'zhuanzhi',
    communityId,
    gridId,
    subdistrictId: sid,
  }))
  return {
    subdistricts: [{ id: sid, name: `${sid} 街道` }],
    communities: [{ id: communityId, name: '测试社区', subdistrictId: sid }],
    grids: [{ id: gridId, name: '一网格', communityId, households: 420 }],
    posts: [{ id: 'zhuanzhi', name: '专职社区工作者', duties: ['包保一个网格', '每周入户走访'] }],
    workers,
    principals: Array.from({ length: principalCount }, (_, i) => ({
      openid: `${sid}-staff-${String(i).padStart(4, '0')}`,
      role: 'subdistrict' as const,
      name: `街道工作人员${i}`,
      subdistrictId: sid,
    })),
  }
}

/** A resident rating of the month; workers W… belong to SID, others to OTHER_SID. */
export function rating(openid: string, workerCode: string, month: string, level: Level): ResidentRatingRecord {
  return {
    id: residentRatingId(openid, workerCode, month),
    openid,
    workerCode,
    subdistrictId: workerCode.startsWith('W') ? SID : OTHER_SID,
    month,
    level,
    comment: '',
    commentStatus: 'none',
    submittedAt: `${month}-10T02:00:00.000Z`,
  }
}

/** A recipient's feedback on a visit; `openid` is the person who gave it (one person counts once a month). */
export function feedback(serviceId: string, workerCode: string, month: string, level: Level, openid = 'recipient-1'): FeedbackRecord {
  return {
    serviceId,
    openid,
    workerCode,
    subdistrictId: SID,
    month,
    level,
    comment: '',
    commentStatus: 'none',
    submittedAt: `${month}-12T03:00:00.000Z`,
  }
}

function monthlyScore(workerCode: string, period: string, score: number): SubdistrictScoreRecord {
  return { workerCode, subdistrictId: SID, period, score, enteredBy: 'staff', enteredAt: '2026-07-01T01:00:00.000Z' }
}

/** The histogram of one party in one tally, or undefined when there is no tally. */
function histOf(tallies: TallyRecord[], workerCode: string, period: string, party: 'residents' | 'recipients'): LevelHistogram | undefined {
  return tallies.find((t) => t.workerCode === workerCode && t.period === period)?.[party]
}

/** The monthly-score rollup of one tally as [sum, count], or undefined when there is no tally. */
function rollupOf(tallies: TallyRecord[], workerCode: string, period: string): [number, number] | undefined {
  const tally = tallies.find((t) => t.workerCode === workerCode && t.period === period)
  return tally && [tally.monthlyScoreSum, tally.monthlyScoreCount]
}

const NONE: LevelHistogram = [0, 0, 0, 0, 0]
const MARCH_PERIODS = ['2026-03', '2026-H1', '2026']

const byKey = <T>(key: (x: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)

// Not the defaults in every field, so a round trip that dropped or defaulted one would show.
const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  weights: { residents: 0.5, recipients: 0.25, subdistrict: 0.25 },
  gridTimeTarget: 0.6,
  holidays: ['2026-10-01'],
  makeupWorkdays: ['2026-09-27'],
}

export function describeStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store
    beforeEach(async () => {
      store = await makeStore()
    })

    it('is empty until the organisation is put, then reads it back', async () => {
      expect(await store.isEmpty()).toBe(true)
      const org = orgOf(SID, 2)
      org.principals.push(
        { openid: 'o-worker', role: 'worker', name: '工作者1', workerCode: 'W0001', communityId: `${SID}-c1`, subdistrictId: SID },
        { openid: 'o-bureau', role: 'bureau', name: '民政局' },
      )
      await store.putOrg(org)
      await store.putOrg(orgOf(OTHER_SID, 1))
      expect(await store.isEmpty()).toBe(false)

      expect(await store.getWorker('W0002')).toEqual(org.workers[1])
      expect((await store.listWorkers(SID)).sort(byKey((w) => w.code))).toEqual(org.workers)
      expect(await store.getCommunity(`${SID}-c1`)).toEqual(org.communities[0])
      expect(await store.listCommunities(SID)).toEqual(org.communities)
      expect(await store.getGrid(`${SID}-g1`)).toEqual({ id: `${SID}-g1`, name: '一网格', communityId: `${SID}-c1`, households: 420 })
      expect(await store.getPost('zhuanzhi')).toEqual({ id: 'zhuanzhi', name: '专职社区工作者', duties: ['包保一个网格', '每周入户走访'] })
      expect((await store.listSubdistricts()).map((s) => s.id).sort()).toEqual([SID, OTHER_SID])
      expect(await store.getSubdistrict(SID)).toEqual({ id: SID, name: `${SID} 街道` })
      expect(await store.getPrincipal('o-worker')).toEqual(org.principals[0])
      // A principal without optional fields comes back without them (not with nulls).
      expect(await store.getPrincipal('o-bureau')).toStrictEqual({ openid: 'o-bureau', role: 'bureau', name: '民政局' })
      expect((await store.listPrincipals()).map((p) => p.openid).sort()).toEqual(['o-bureau', 'o-worker'])
    })

    it('returns null for what does not exist', async () => {
      await store.putOrg(orgOf(SID, 1))
      expect(await store.getWorker('NOPE')).toBeNull()
      expect(await store.getCommunity('nope')).toBeNull()
      expect(await store.getGrid('nope')).toBeNull()
      expect(await store.getPost('nope')).toBeNull()
      expect(await store.getSubdistrict('nope')).toBeNull()
      expect(await store.getPrincipal('nobody')).toBeNull()
      expect(await store.getResidentRating('nope')).toBeNull()
      expect(await store.getIdempotent('nope')).toBeNull()
      expect(await store.getSettings()).toBeNull()
      expect(await store.listWorkers('nope')).toEqual([])
    })

    it('counts a rating of 2026-03 in the 2026-03, 2026-H1 and 2026 tallies, and moves a re-rate in all three', async () => {
      await store.putOrg(orgOf(SID, 1))
      expect(await store.submitResidentRating(rating('r1', 'W0001', '2026-03', 5))).toEqual({ replaced: false })
      expect(await store.submitResidentRating(rating('r2', 'W0001', '2026-03', 4))).toEqual({ replaced: false })
      // levels 5 and 4: one count on each, in each of the three periods
      let tallies = await store.listTallies(SID, MARCH_PERIODS)
      for (const period of MARCH_PERIODS) expect(histOf(tallies, 'W0001', period, 'residents')).toEqual([0, 0, 0, 1, 1])

      const rerate = { ...rating('r1', 'W0001', '2026-03', 2), comment: '后来发现没解决', commentStatus: 'review' as const }
      expect(await store.submitResidentRating(rerate)).toEqual({ replaced: true })
      // r1 moved from 5 to 2: level 5 loses one, level 2 gains one; still 2 ratings, in all three periods
      tallies = await store.listTallies(SID, MARCH_PERIODS)
      for (const period of MARCH_PERIODS) expect(histOf(tallies, 'W0001', period, 'residents')).toEqual([0, 1, 0, 1, 0])
      expect(await store.getResidentRating(rerate.id)).toEqual(rerate)

      // Re-rating with the same level replaces the rating and leaves the tallies alone.
      expect(await store.submitResidentRating(rating('r2', 'W0001', '2026-03', 4))).toEqual({ replaced: true })
      tallies = await store.listTallies(SID, MARCH_PERIODS)
      for (const period of MARCH_PERIODS) expect(histOf(tallies, 'W0001', period, 'residents')).toEqual([0, 1, 0, 1, 0])
    })

    it('counts a rating in another month as a new one, in that month and the half-year it belongs to', async () => {
      await store.putOrg(orgOf(SID, 1))
      await store.submitResidentRating(rating('r1', 'W0001', '2026-03', 5))
      expect(await store.submitResidentRating(rating('r1', 'W0001', '2026-04', 3))).toEqual({ replaced: false })
      expect(await store.submitResidentRating(rating('r1', 'W0001', '2026-08', 1))).toEqual({ replaced: false })
      const tallies = await store.listTallies(SID, ['2026-03', '2026-04', '2026-08', '2026-H1', '2026-H2', '2026'])
      expect(histOf(tallies, 'W0001', '2026-03', 'residents')).toEqual([0, 0, 0, 0, 1])
      expect(histOf(tallies, 'W0001', '2026-04', 'residents')).toEqual([0, 0, 1, 0, 0])
      expect(histOf(tallies, 'W0001', '2026-08', 'residents')).toEqual([1, 0, 0, 0, 0])
      // H1 = March 5 + April 3; H2 = August 1; the year = all three
      expect(histOf(tallies, 'W0001', '2026-H1', 'residents')).toEqual([0, 0, 1, 0, 1])
      expect(histOf(tallies, 'W0001', '2026-H2', 'residents')).toEqual([1, 0, 0, 0, 0])
      expect(histOf(tallies, 'W0001', '2026', 'residents')).toEqual([1, 0, 1, 0, 1])
    })

    it('takes one feedback per service visit, counted for recipients in all three periods; a second one changes nothing', async () => {
      await store.putOrg(orgOf(SID, 1))
      expect(await store.submitFeedback(feedback('svc-1', 'W0001', '2026-03', 5))).toEqual({ inserted: true })
      expect(await store.submitFeedback(feedback('svc-2', 'W0001', '2026-03', 3, 'recipient-2'))).toEqual({ inserted: true })
      expect(await store.submitFeedback(feedback('svc-1', 'W0001', '2026-03', 1))).toEqual({ inserted: false })
      const tallies = await store.listTallies(SID, MARCH_PERIODS)
      for (const period of MARCH_PERIODS) {
        expect(histOf(tallies, 'W0001', period, 'recipients')).toEqual([0, 0, 1, 0, 1])
        expect(histOf(tallies, 'W0001', period, 'residents')).toEqual(NONE)
      }
    })

    it('lists only the tallies of the sub-district and periods asked for', async () => {
      await store.putOrg(orgOf(SID, 2))
      await store.putOrg(orgOf(OTHER_SID, 1))
      await store.submitResidentRating(rating('r1', 'W0001', '2026-01', 4))
      await store.submitResidentRating(rating('r1', 'W0002', '2026-02', 5))
      await store.submitResidentRating(rating('r1', 'W0002', '2026-03', 1))
      await store.submitResidentRating(rating('r1', 'X0001', '2026-02', 3))
      const tally = (workerCode: string, period: string, residents: LevelHistogram): TallyRecord => ({
        workerCode,
        subdistrictId: SID,
        period,
        residents,
        recipients: NONE,
        monthlyScoreSum: 0,
        monthlyScoreCount: 0,
      })
      const sorted = (tallies: TallyRecord[]) => tallies.sort(byKey((t) => t.workerCode + t.period))
      expect(sorted(await store.listTallies(SID, ['2026-01', '2026-02']))).toEqual([
        tally('W0001', '2026-01', [0, 0, 0, 1, 0]),
        tally('W0002', '2026-02', [0, 0, 0, 0, 1]),
      ])
      // the half-year holds W0002's February 5 and March 1; X0001 is in another sub-district
      expect(sorted(await store.listTallies(SID, ['2026-H1']))).toEqual([
        tally('W0001', '2026-H1', [0, 0, 0, 1, 0]),
        tally('W0002', '2026-H1', [1, 0, 0, 0, 1]),
      ])
      expect(await store.listTallies(SID, ['2026-H2'])).toEqual([])
      expect(await store.listTallies(SID, [])).toEqual([])
    })

    it('upserts a sub-district score by worker and period', async () => {
      await store.putOrg(orgOf(SID, 2))
      const score = { workerCode: 'W0001', subdistrictId: SID, period: '2026-03', score: 80, enteredBy: 'staff', enteredAt: '2026-03-31T01:00:00.000Z' }
      await store.putSubdistrictScore(score)
      await store.putSubdistrictScore({ ...score, score: 85.5, enteredAt: '2026-04-01T01:00:00.000Z' })
      await store.putSubdistrictScore({ ...score, period: '2026-H1', score: 90 })
      await store.putSubdistrictScore({ ...score, workerCode: 'X0001', subdistrictId: OTHER_SID, score: 70 })
      expect(await store.listSubdistrictScores(SID, ['2026-03'])).toEqual([{ ...score, score: 85.5, enteredAt: '2026-04-01T01:00:00.000Z' }])
      expect((await store.listSubdistrictScores(SID, ['2026-03', '2026-H1'])).map((s) => s.score).sort()).toEqual([85.5, 90])
      expect(await store.listSubdistrictScores(SID, [])).toEqual([])
    })

    it('rolls monthly scores up into the month, half-year and year tallies: sum and count', async () => {
      await store.putOrg(orgOf(SID, 1))
      await store.putSubdistrictScore(monthlyScore('W0001', '2026-01', 80))
      await store.putSubdistrictScore(monthlyScore('W0001', '2026-02', 90))
      const periods = ['2026-01', '2026-02', '2026-H1', '2026-H2', '2026']
      let tallies = await store.listTallies(SID, periods)
      expect(rollupOf(tallies, 'W0001', '2026-01')).toEqual([80, 1])
      expect(rollupOf(tallies, 'W0001', '2026-02')).toEqual([90, 1])
      // 80 + 90 = 170 over 2 months, in the half-year and the year alike; no ratings yet
      expect(rollupOf(tallies, 'W0001', '2026-H1')).toEqual([170, 2])
      expect(rollupOf(tallies, 'W0001', '2026')).toEqual([170, 2])
      expect(histOf(tallies, 'W0001', '2026-H1', 'residents')).toEqual(NONE)
      expect(rollupOf(tallies, 'W0001', '2026-H2')).toBeUndefined()

      // January re-entered as 70: the sum moves by 70 - 80 = -10, the count stays 2
      await store.putSubdistrictScore(monthlyScore('W0001', '2026-01', 70))
      // February re-entered unchanged: nothing moves
      await store.putSubdistrictScore(monthlyScore('W0001', '2026-02', 90))
      // a score for the half-year itself is read as it is, not rolled up
      await store.putSubdistrictScore(monthlyScore('W0001', '2026-H1', 60))
      // July is in H2: 100 over 1; the year: 160 + 100 = 260 over 3
      await store.putSubdistrictScore(monthlyScore('W0001', '2026-07', 100))
      tallies = await store.listTallies(SID, periods)
      expect(rollupOf(tallies, 'W0001', '2026-01')).toEqual([70, 1])
      expect(rollupOf(tallies, 'W0001', '2026-H1')).toEqual([160, 2])
      expect(rollupOf(tallies, 'W0001', '2026-H2')).toEqual([100, 1])
      expect(rollupOf(tallies, 'W0001', '2026')).toEqual([260, 3])
      expect((await store.listSubdistrictScores(SID, ['2026-H1'])).map((s) => s.score)).toEqual([60])
    })

    it('keeps ratings and monthly scores of the same month in one tally', async () => {
      await store.putOrg(orgOf(SID, 1))
      await store.putSubdistrictScore(monthlyScore('W0001', '2026-03', 88))
      await store.submitResidentRating(rating('r1', 'W0001', '2026-03', 4))
      await store.submitFeedback(feedback('svc-1', 'W0001', '2026-03', 5))
      const tallies = await store.listTallies(SID, MARCH_PERIODS)
      expect(tallies).toHaveLength(3)
      for (const period of MARCH_PERIODS) {
        expect(histOf(tallies, 'W0001', period, 'residents')).toEqual([0, 0, 0, 1, 0])
        expect(histOf(tallies, 'W0001', period, 'recipients')).toEqual([0, 0, 0, 0, 1])
        expect(rollupOf(tallies, 'W0001', period)).toEqual([88, 1])
      }
    })

    it('keeps the first result of an idempotency key', async () => {
      const first = { key: 'k-1', result: { ratingId: 'abc', period: '2026-03', replaced: false }, createdAt: '2026-03-10T00:00:00.000Z' }
      await store.putIdempotent(first)
      await store.putIdempotent({ ...first, result: { ratingId: 'other' } })
      expect(await store.getIdempotent('k-1')).toEqual(first)
    })

    it('saves and reads back the settings', async () => {
      await store.saveSettings(SETTINGS)
      expect(await store.getSettings()).toEqual(SETTINGS)
      const changed: Settings = { ...SETTINGS, gridTimeTarget: 2 / 3, weights: { residents: 0.5, recipients: 0.2, subdistrict: 0.3 } }
      await store.saveSettings(changed)
      expect(await store.getSettings()).toEqual(changed)
    })

    it('returns more than 100 and more than 1000 rows complete (pagination)', async () => {
      await store.putOrg(orgOf(SID, 1001, 150))
      const workers = await store.listWorkers(SID)
      expect(workers).toHaveLength(1001)
      expect(new Set(workers.map((w) => w.code)).size).toBe(1001)
      expect(await store.listPrincipals()).toHaveLength(150)

      // 1001 workers, each with one rating and one feedback in March: 1001 tallies per period (both
      // parties share a worker's tally), 3003 for March, H1 and the year together
      for (const w of workers) {
        await store.submitResidentRating(rating('r1', w.code, '2026-03', 4))
        await store.submitFeedback(feedback(`svc-${w.code}`, w.code, '2026-03', 5))
      }
      const tallies = await store.listTallies(SID, ['2026-03'])
      expect(tallies).toHaveLength(1001)
      expect(tallies.every((t) => t.residents[3] === 1 && t.recipients[4] === 1)).toBe(true)
      expect(await store.listTallies(SID, MARCH_PERIODS)).toHaveLength(3003)
    })
  })
}
