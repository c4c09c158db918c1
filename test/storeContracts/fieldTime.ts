// The FieldTimeStore contract (backend/fieldTime/store.ts), run on SQLite
// (backend/store/sqlite/sqliteStore.test.ts) and on CloudStore over the real wx-server-sdk and the CloudBase emulator
// (cloudStore.test.ts): one open session per worker, atomically; sessions never overlap; an end is
// logged once (a retry changes nothing); a worker's sessions by start time, past the cloud's 100-row
// pages; each worker's minutes per month, counted once; and the times of a worker's ratings, never who gave them.
import type { Store } from '@backend/store'
import type { OpenFieldSession } from '@backend/fieldTime/store'
import { SID, orgOf, rating } from '../storeContract'

export function openSession(sessionId: string, workerCode: string, startedAt: string, grid = '银泉花园'): OpenFieldSession {
  return { sessionId, workerCode, subdistrictId: SID, communityId: `${SID}-c1`, grid, startedAt }
}

const MARCH = ['2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z'] as const

export function describeFieldTimeStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`FieldTimeStore contract: ${name}`, () => {
    let store: Store
    beforeEach(async () => {
      store = await makeStore()
      await store.putOrg(orgOf(SID, 2))
    })

    /** Starts and ends a session of W0001; minutes after 2026-03-10T00:00Z. */
    async function logged(id: string, fromMinute: number, toMinute: number, workerCode = 'W0001') {
      const at = (minute: number) => new Date(Date.UTC(2026, 2, 10, 0, minute)).toISOString()
      expect(await store.fieldTime.startSession(openSession(id, workerCode, at(fromMinute)))).toEqual({ started: true })
      return store.fieldTime.endSession(workerCode, id, at(toMinute))
    }

    it('opens a session and shows it as the open one; a worker without one has none', async () => {
      const session = openSession('s1', 'W0001', '2026-03-10T00:30:00.000Z')
      expect(await store.fieldTime.getOpenSession('W0001')).toBeNull()
      expect(await store.fieldTime.startSession(session)).toEqual({ started: true })
      expect(await store.fieldTime.getOpenSession('W0001')).toEqual(session)
      expect(await store.fieldTime.getOpenSession('W0002')).toBeNull()
    })

    it('refuses a second session while one is open, names the open one, and stores nothing', async () => {
      const first = openSession('s1', 'W0001', '2026-03-10T00:30:00.000Z')
      await store.fieldTime.startSession(first)
      expect(await store.fieldTime.startSession(openSession('s2', 'W0001', '2026-03-10T02:00:00.000Z'))).toEqual({ started: false, reason: 'open', open: first })
      expect(await store.fieldTime.getOpenSession('W0001')).toEqual(first)
      expect(await store.fieldTime.endSession('W0001', 's2', '2026-03-10T03:00:00.000Z')).toBeNull()
      // a colleague's session is their own
      expect(await store.fieldTime.startSession(openSession('s3', 'W0002', '2026-03-10T02:00:00.000Z'))).toEqual({ started: true })
    })

    it('opens exactly one of two sessions started at once', async () => {
      const outcomes = await Promise.all([
        store.fieldTime.startSession(openSession('a', 'W0001', '2026-03-10T00:30:00.000Z')),
        store.fieldTime.startSession(openSession('b', 'W0001', '2026-03-10T00:30:00.001Z')),
      ])
      expect(outcomes.filter((outcome) => outcome.started)).toHaveLength(1)
      expect(outcomes.filter((outcome) => !outcome.started)).toEqual([expect.objectContaining({ started: false, reason: 'open' })])
    })

    it('ends the open session, logs it whole, and opens the way for the next', async () => {
      const session = openSession('s1', 'W0001', '2026-03-10T00:30:00.000Z', '')
      await store.fieldTime.startSession(session)
      const ended = await store.fieldTime.endSession('W0001', 's1', '2026-03-10T06:00:00.000Z')
      expect(ended).toEqual({ ...session, endedAt: '2026-03-10T06:00:00.000Z' })
      expect(await store.fieldTime.getOpenSession('W0001')).toBeNull()
      expect(await store.fieldTime.listSessions('W0001', ...MARCH)).toEqual([ended])
      expect(await store.fieldTime.startSession(openSession('s2', 'W0001', '2026-03-10T07:00:00.000Z'))).toEqual({ started: true })
    })

    it('answers a retried end with the session as first logged, and an unknown or colleague’s session with null', async () => {
      await store.fieldTime.startSession(openSession('s1', 'W0001', '2026-03-10T00:30:00.000Z'))
      const first = await store.fieldTime.endSession('W0001', 's1', '2026-03-10T06:00:00.000Z')
      expect(await store.fieldTime.endSession('W0001', 's1', '2026-03-10T09:00:00.000Z')).toEqual(first)
      expect(await store.fieldTime.listSessions('W0001', ...MARCH)).toEqual([first])
      expect(await store.fieldTime.endSession('W0001', 'nope', '2026-03-10T09:00:00.000Z')).toBeNull()
      expect(await store.fieldTime.endSession('W0002', 's1', '2026-03-10T09:00:00.000Z')).toBeNull()
    })

    it('refuses a session that would start before the last one ended (sessions never overlap)', async () => {
      await logged('s1', 60, 300) // 01:00 → 05:00 UTC
      expect(await store.fieldTime.startSession(openSession('s2', 'W0001', '2026-03-10T04:59:00.000Z'))).toEqual({
        started: false,
        reason: 'overlap',
        lastEndedAt: '2026-03-10T05:00:00.000Z',
      })
      expect(await store.fieldTime.getOpenSession('W0001')).toBeNull()
      expect(await store.fieldTime.startSession(openSession('s3', 'W0001', '2026-03-10T05:00:00.000Z'))).toEqual({ started: true })
    })

    it("lists one worker's ended sessions with from <= startedAt < to, oldest first, without the open one", async () => {
      await logged('early', 0, 100)
      await logged('late', 600, 700)
      await logged('colleague', 0, 100, 'W0002')
      await store.fieldTime.startSession(openSession('running', 'W0001', '2026-03-10T12:00:00.000Z'))
      const ids = async (from: string, to: string) => (await store.fieldTime.listSessions('W0001', from, to)).map((s) => s.sessionId)
      expect(await ids(...MARCH)).toEqual(['early', 'late'])
      expect(await ids('2026-03-10T00:00:00.000Z', '2026-03-10T10:00:00.000Z')).toEqual(['early']) // late starts at 10:00 = to
      expect(await ids('2026-03-10T00:00:00.001Z', '2026-03-11T00:00:00.000Z')).toEqual(['late'])
      expect(await ids('2026-02-28T12:00:00.000Z', '2026-03-01T00:00:00.000Z')).toEqual([])
    })

    it('lists all 130 sessions of a busy stretch, across a month boundary, past the 100 rows one cloud read returns', async () => {
      // 130 sessions of 10 minutes, 20 minutes apart, from 2026-03-31T12:00Z: March ends at 16:00Z, so 12 fall in March
      const start = Date.UTC(2026, 2, 31, 12, 0)
      for (let i = 0; i < 130; i += 1) {
        const id = `s${String(i).padStart(3, '0')}`
        await store.fieldTime.startSession(openSession(id, 'W0001', new Date(start + i * 20 * 60_000).toISOString()))
        await store.fieldTime.endSession('W0001', id, new Date(start + (i * 20 + 10) * 60_000).toISOString())
      }
      const listed = await store.fieldTime.listSessions('W0001', '2026-03-31T04:00:00.000Z', '2026-04-30T16:00:00.000Z')
      expect(listed.map((s) => s.sessionId)).toEqual(Array.from({ length: 130 }, (_, i) => `s${String(i).padStart(3, '0')}`))
    })

    it("keeps each worker's logged minutes per China month, a session across a month end split, a retried end counted once", async () => {
      // s1 10 March 00:30 → 06:00 UTC: 330 minutes of March. s2 31 March 14:00 → 18:00 UTC (22:00 → 02:00
      // China): April begins at 16:00 UTC, so 120 minutes of March and 120 of April.
      await store.fieldTime.startSession(openSession('s1', 'W0001', '2026-03-10T00:30:00.000Z'))
      await store.fieldTime.endSession('W0001', 's1', '2026-03-10T06:00:00.000Z')
      await store.fieldTime.endSession('W0001', 's1', '2026-03-10T09:00:00.000Z')
      await store.fieldTime.startSession(openSession('s2', 'W0001', '2026-03-31T14:00:00.000Z'))
      await store.fieldTime.endSession('W0001', 's2', '2026-03-31T18:00:00.000Z')
      await store.fieldTime.startSession(openSession('running', 'W0002', '2026-03-10T01:00:00.000Z'))
      const minutes = async (months: string[]) => Object.fromEntries(await store.fieldTime.minutesLogged(['W0001', 'W0002', 'W9999'], months))
      expect(await minutes(['2026-03'])).toEqual({ W0001: 330 + 120, W0002: 0, W9999: 0 })
      expect(await minutes(['2026-04'])).toEqual({ W0001: 120, W0002: 0, W9999: 0 })
      expect(await minutes(['2026-03', '2026-04'])).toEqual({ W0001: 570, W0002: 0, W9999: 0 })
      expect(await minutes(['2026-02'])).toEqual({ W0001: 0, W0002: 0, W9999: 0 })
    })

    it('counts loaded sessions with the ended ones, for 130 workers at once (past the 100 states one cloud read returns)', async () => {
      // W0001 logs 330 minutes of March; the load adds 60 minutes of February to W0001 and 10 minutes of
      // February to each of W0002 … W0130.
      await store.fieldTime.startSession(openSession('s1', 'W0001', '2026-03-10T00:30:00.000Z'))
      await store.fieldTime.endSession('W0001', 's1', '2026-03-10T06:00:00.000Z')
      const codes = Array.from({ length: 130 }, (_, i) => `W${String(i + 1).padStart(4, '0')}`)
      const loaded = (code: string, minutes: number) => ({ ...openSession(`load-${code}`, code, '2026-02-10T01:00:00.000Z'), endedAt: new Date(Date.UTC(2026, 1, 10, 1, minutes)).toISOString() })
      await store.loadActivity({ fieldSessions: codes.map((code) => loaded(code, code === 'W0001' ? 60 : 10)) })
      const february = await store.fieldTime.minutesLogged(codes, ['2026-02'])
      expect(february.get('W0001')).toBe(60)
      expect(codes.slice(1).map((code) => february.get(code))).toEqual(codes.slice(1).map(() => 10))
      expect(Object.fromEntries(await store.fieldTime.minutesLogged(['W0001'], ['2026-02', '2026-03']))).toEqual({ W0001: 390 })
    })

    it("gives the submission times of a worker's ratings in a range, across months, and nothing of who rated", async () => {
      const at = (r: ReturnType<typeof rating>, submittedAt: string) => ({ ...r, submittedAt })
      await store.submitResidentRating(at(rating('r1', 'W0001', '2026-03', 5), '2026-03-10T02:00:00.000Z'))
      await store.submitResidentRating(at(rating('r2', 'W0001', '2026-03', 4), '2026-03-31T15:00:00.000Z'))
      await store.submitResidentRating(at(rating('r3', 'W0001', '2026-04', 3), '2026-03-31T17:00:00.000Z')) // 4月1日 01:00 China
      await store.submitResidentRating(at(rating('r4', 'W0002', '2026-03', 5), '2026-03-10T03:00:00.000Z'))
      await store.submitResidentRating(at(rating('r5', 'W0001', '2026-02', 5), '2026-02-20T03:00:00.000Z'))
      expect(await store.fieldTime.listRatingTimes('W0001', '2026-03-10T00:00:00.000Z', '2026-04-01T00:00:00.000Z')).toEqual([
        '2026-03-10T02:00:00.000Z',
        '2026-03-31T15:00:00.000Z',
        '2026-03-31T17:00:00.000Z',
      ])
      expect(await store.fieldTime.listRatingTimes('W0001', '2026-03-10T02:00:00.001Z', '2026-03-31T17:00:00.000Z')).toEqual(['2026-03-31T15:00:00.000Z'])
    })

    it('leaves out a rating staff excluded: it no longer counts, so it corroborates no session', async () => {
      const at = (r: ReturnType<typeof rating>, submittedAt: string) => ({ ...r, submittedAt })
      await store.submitResidentRating(at(rating('r1', 'W0001', '2026-03', 5), '2026-03-10T02:00:00.000Z'))
      await store.submitResidentRating(at(rating('r2', 'W0001', '2026-03', 5), '2026-03-10T02:10:00.000Z'))
      const exclusion = { via: 'review' as const, reason: '同一设备多人评价', by: 'staff-1', at: '2026-03-11T02:00:00.000Z' }
      expect(await store.reviews.excludeRating({ kind: 'resident', id: rating('r2', 'W0001', '2026-03', 5).id }, exclusion)).toBe(true)
      expect(await store.fieldTime.listRatingTimes('W0001', '2026-03-10T00:00:00.000Z', '2026-03-11T00:00:00.000Z')).toEqual(['2026-03-10T02:00:00.000Z'])
    })
  })
}
