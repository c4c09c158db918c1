// One person counts once in the 服务对象 party (src/core/recipients.ts), as both stores keep it: run on
// SQLite (backend/store/sqlite/sqliteStore.test.ts) and on CloudStore over the real wx-server-sdk and the CloudBase
// emulator (cloudStore.test.ts). A tally's `recipients` holds the people who gave ONE feedback on the
// worker that month; `recipientGroups[k]` the summed levels of those who gave k. Numbers by hand, with
// the default points 1→0, 2→20, 3→60, 4→80, 5→100.
import type { Store, TallyRecord } from '@backend/store'
import type { Exclusion } from '@backend/store/records'
import { fraction } from '@core/exact'
import { recipientCount, recipientPoints } from '@core/recipients'
import { DEFAULT_SETTINGS } from '@core/settings'
import type { Level } from '@core/types'
import { SID, feedback, orgOf } from '../storeContract'

const MARCH = ['2026-03', '2026-H1', '2026']
const EXCLUSION: Exclusion = { via: 'review', reason: '同一人短时间内多次评价', by: 'staff-1', at: '2026-03-25T02:00:00.000Z' }

/** W0001's recipients party of each period: the singles, the groups, n and s. */
function partyOf(tallies: TallyRecord[], period: string) {
  const tally = tallies.find((t) => t.workerCode === 'W0001' && t.period === period)
  if (tally === undefined) return undefined
  return {
    single: tally.recipients,
    groups: tally.recipientGroups ?? {},
    n: recipientCount(tally.recipients, tally.recipientGroups),
    s: recipientPoints(tally.recipients, tally.recipientGroups, DEFAULT_SETTINGS.levelPoints),
  }
}

export function describeRecipientCountContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`One person counts once (服务对象): ${name}`, () => {
    let store: Store
    let visit = 0
    beforeEach(async () => {
      store = await makeStore()
      await store.putOrg(orgOf(SID, 2))
    })
    const give = async (person: string, month: string, ...levels: Level[]) => {
      for (const level of levels) {
        visit += 1
        expect(await store.submitFeedback(feedback(`V-${visit}`, 'W0001', month, level, person))).toEqual({ inserted: true })
      }
    }
    const parties = async (periods: string[]) => {
      const tallies = await store.listTallies(SID, periods)
      return Object.fromEntries(periods.map((period) => [period, partyOf(tallies, period)]))
    }

    it('counts A (5, 4: mean 90) and B (3: 60) as n = 2, s = 150 in March, its half-year and its year', async () => {
      await give('A', '2026-03', 5, 4)
      await give('B', '2026-03', 3)
      const expected = { single: [0, 0, 1, 0, 0], groups: { 2: [0, 0, 0, 1, 1] }, n: 2, s: fraction(150) }
      expect(await parties(MARCH)).toEqual({ '2026-03': expected, '2026-H1': expected, '2026': expected })
    })

    it('gives the groups only with the periods asked for them, and everything else as before', async () => {
      await give('A', '2026-03', 5, 4)
      await give('B', '2026-03', 3)
      const all = await store.listTallies(SID, MARCH)
      const yearOnly = await store.listTallies(SID, MARCH, ['2026'])
      const byPeriod = (tallies: TallyRecord[]) => Object.fromEntries(tallies.map((t) => [t.period, t]))
      const groups = { 2: [0, 0, 0, 1, 1] }
      expect(byPeriod(yearOnly)['2026']).toEqual({ ...byPeriod(all)['2026'], recipientGroups: groups })
      for (const period of ['2026-03', '2026-H1']) {
        const { recipientGroups, ...rest } = byPeriod(all)[period]
        expect(recipientGroups).toEqual(groups)
        expect(byPeriod(yearOnly)[period]).toEqual(rest)
      }
      expect(await store.listTallies(SID, MARCH, [])).toEqual(all.map(({ recipientGroups: _groups, ...rest }) => rest))
    })

    it('counts six feedbacks of one person, 5, 5, 5, 5, 5, 1, as one: n = 1, s = (500 + 0) / 6 = 250/3', async () => {
      await give('A', '2026-03', 5, 5, 5, 5, 5, 1)
      const expected = { single: [0, 0, 0, 0, 0], groups: { 6: [1, 0, 0, 0, 5] }, n: 1, s: fraction(250, 3) }
      expect(await parties(MARCH)).toEqual({ '2026-03': expected, '2026-H1': expected, '2026': expected })
    })

    it('counts the same person once in each month: 5, 5 in March and 3 in April give n = 2 in the half-year, s = 100 + 60', async () => {
      await give('A', '2026-03', 5, 5)
      await give('A', '2026-04', 3)
      const got = await parties(['2026-03', '2026-04', '2026-H1'])
      expect(got['2026-03']).toEqual({ single: [0, 0, 0, 0, 0], groups: { 2: [0, 0, 0, 0, 2] }, n: 1, s: fraction(100) })
      expect(got['2026-04']).toEqual({ single: [0, 0, 1, 0, 0], groups: {}, n: 1, s: fraction(60) })
      expect(got['2026-H1']).toEqual({ single: [0, 0, 1, 0, 0], groups: { 2: [0, 0, 0, 0, 2] }, n: 2, s: fraction(160) })
    })

    it('moves a person back a group when one of their feedbacks is excluded: A 5, 4, 1 with the 1 excluded is A 5, 4 (mean 90)', async () => {
      await give('A', '2026-03', 5, 4, 1)
      await give('B', '2026-03', 2)
      expect((await parties(['2026-03']))['2026-03']).toMatchObject({ groups: { 3: [1, 0, 0, 1, 1] }, n: 2, s: fraction(60 + 20) })
      expect(await store.reviews.excludeRating({ kind: 'recipient', id: `V-${visit - 1}` }, EXCLUSION)).toBe(true)
      const expected = { single: [0, 1, 0, 0, 0], groups: { 2: [0, 0, 0, 1, 1] }, n: 2, s: fraction(90 + 20) }
      expect(await parties(MARCH)).toEqual({ '2026-03': expected, '2026-H1': expected, '2026': expected })
      // Excluding the 4 as well leaves A one feedback, a 5: back among the singles.
      expect(await store.reviews.excludeRating({ kind: 'recipient', id: `V-${visit - 2}` }, EXCLUSION)).toBe(true)
      expect((await parties(['2026']))['2026']).toEqual({ single: [0, 1, 0, 0, 1], groups: {}, n: 2, s: fraction(120) })
    })

    it('loads activity in bulk with the same counts as one submit each: A 5, 4 and B 3 in March', async () => {
      await store.loadActivity({
        feedback: [feedback('L-1', 'W0001', '2026-03', 5, 'A'), feedback('L-2', 'W0001', '2026-03', 4, 'A'), feedback('L-3', 'W0001', '2026-03', 3, 'B')],
      })
      const expected = { single: [0, 0, 1, 0, 0], groups: { 2: [0, 0, 0, 1, 1] }, n: 2, s: fraction(150) }
      expect(await parties(MARCH)).toEqual({ '2026-03': expected, '2026-H1': expected, '2026': expected })
      // A later feedback of A that month moves A from the loaded group of 2 to a group of 3.
      await give('A', '2026-03', 3)
      expect((await parties(['2026-03']))['2026-03']).toEqual({ single: [0, 0, 1, 0, 0], groups: { 3: [0, 0, 1, 1, 1] }, n: 2, s: fraction(60 + 80) })
    })
  })
}
