// The VisitStore contract (backend/visits/store.ts), run on SQLite (backend/store/sqlite/sqliteStore.test.ts)
// and on CloudStore over the real wx-server-sdk and the CloudBase emulator (cloudStore.test.ts): visits
// by their code, a worker's visits in a time range oldest first (past the cloud's 100-row pages), and
// the level of the feedback given on each visit, never who gave it; and, read with a visit, whether its
// worker is in post now.
import type { Store } from '@backend/store'
import type { VisitRecord } from '@backend/visits/store'
import { SID, feedback, orgOf } from '../storeContract'

export function visit(visitCode: string, workerCode: string, at: string, extra: Partial<VisitRecord> = {}): VisitRecord {
  return { visitCode, workerCode, subdistrictId: SID, communityId: `${SID}-c1`, type: '关爱走访', place: '银泉花园3栋', note: '看望独居老人', at, ...extra }
}

const byCode = (visits: VisitRecord[]) => visits.map((v) => v.visitCode)

export function describeVisitStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`VisitStore contract: ${name}`, () => {
    let store: Store
    beforeEach(async () => {
      store = await makeStore()
      await store.putOrg(orgOf(SID, 2))
    })

    it('keeps a visit under its code and reads it back whole; an unknown code is null', async () => {
      const logged = visit('Vabcdefghijk0001', 'W0001', '2026-03-05T02:30:00.000Z', { type: '矛盾调解', place: '', note: '' })
      await store.visits.putVisit(logged)
      expect(await store.visits.getVisit('Vabcdefghijk0001')).toEqual(logged)
      expect(await store.visits.getVisit('Vabcdefghijk0002')).toBeNull()
    })

    it('refuses a second visit under a code that is taken, and keeps the first', async () => {
      const first = visit('Vtaken000000001', 'W0001', '2026-03-05T02:30:00.000Z')
      await store.visits.putVisit(first)
      // Not `.rejects.toThrow()`: jest does not always see better-sqlite3's SqliteError as an Error (another realm).
      const second = await store.visits.putVisit(visit('Vtaken000000001', 'W0002', '2026-03-06T02:30:00.000Z')).then(() => 'stored', () => 'refused')
      expect(second).toBe('refused')
      expect(await store.visits.getVisit('Vtaken000000001')).toEqual(first)
    })

    it("lists one worker's visits with from <= at < to, oldest first", async () => {
      await store.visits.putVisit(visit('V-late', 'W0001', '2026-03-20T09:00:00.000Z'))
      await store.visits.putVisit(visit('V-early', 'W0001', '2026-03-02T01:00:00.000Z'))
      await store.visits.putVisit(visit('V-at-from', 'W0001', '2026-03-01T00:00:00.000Z'))
      await store.visits.putVisit(visit('V-at-to', 'W0001', '2026-04-01T00:00:00.000Z')) // excluded: at == to
      await store.visits.putVisit(visit('V-before', 'W0001', '2026-02-28T23:59:59.999Z'))
      await store.visits.putVisit(visit('V-colleague', 'W0002', '2026-03-10T01:00:00.000Z'))
      const march = await store.visits.listVisits('W0001', '2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z')
      expect(byCode(march)).toEqual(['V-at-from', 'V-early', 'V-late'])
      expect(march[2]).toEqual(visit('V-late', 'W0001', '2026-03-20T09:00:00.000Z'))
      expect(await store.visits.listVisits('W0002', '2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z')).toHaveLength(1)
    })

    it('lists all 130 visits of a busy month, past the 100 rows one cloud read returns', async () => {
      const codes = Array.from({ length: 130 }, (_, i) => `V${String(i).padStart(15, '0')}`)
      // Minutes apart, logged in reverse order, so "oldest first" is the store's doing.
      for (const [i, code] of [...codes.entries()].reverse()) {
        await store.visits.putVisit(visit(code, 'W0001', new Date(Date.UTC(2026, 2, 10, 1, i)).toISOString()))
      }
      const listed = await store.visits.listVisits('W0001', '2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z')
      expect(byCode(listed)).toEqual(codes)
    })

    it("reads with a visit whether its worker is in post: out once updateWorker sets them out, in again once back", async () => {
      const theirs = visit('V-theirs', 'W0001', '2026-03-05T02:00:00.000Z')
      const colleagues = visit('V-colleagues', 'W0002', '2026-03-05T03:00:00.000Z')
      await store.visits.putVisit(theirs)
      await store.visits.putVisit(colleagues)
      const now = new Date('2026-03-06T02:00:00.000Z') // a day after the visit: open under any window
      const assignment = { postId: 'zhuanzhi', gridId: `${SID}-g1` }
      expect(await store.visits.getVisitToRate('V-theirs')).toEqual({ ...theirs, workerInPost: true })
      expect(await store.org.updateWorker('W0001', { ...assignment, active: false }, now)).toEqual({ updated: true })
      expect(await store.visits.getVisitToRate('V-theirs')).toEqual({ ...theirs, workerInPost: false })
      expect(await store.visits.getVisitToRate('V-colleagues')).toEqual({ ...colleagues, workerInPost: true })
      // the visit itself reads as it was logged, by code and in lists
      expect(await store.visits.getVisit('V-theirs')).toEqual(theirs)
      expect(await store.visits.listVisits('W0001', '2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z')).toEqual([theirs])
      expect(await store.org.updateWorker('W0001', { ...assignment, active: true }, now)).toEqual({ updated: true })
      expect(await store.visits.getVisitToRate('V-theirs')).toEqual({ ...theirs, workerInPost: true })
      expect(await store.visits.getVisitToRate('V-nowhere')).toBeNull()
    })

    it('gives the level of the feedback on each visit that has one, and nothing for the others', async () => {
      expect(await store.visits.feedbackLevels([])).toEqual(new Map())
      await store.visits.putVisit(visit('V-rated-2', 'W0001', '2026-03-05T02:00:00.000Z'))
      await store.visits.putVisit(visit('V-rated-5', 'W0001', '2026-03-06T02:00:00.000Z'))
      await store.visits.putVisit(visit('V-unrated', 'W0001', '2026-03-07T02:00:00.000Z'))
      await store.submitFeedback(feedback('V-rated-2', 'W0001', '2026-03', 2))
      await store.submitFeedback(feedback('V-rated-5', 'W0001', '2026-03', 5))
      const levels = await store.visits.feedbackLevels(['V-rated-2', 'V-unrated', 'V-rated-5', 'V-nowhere'])
      expect(levels).toEqual(new Map([['V-rated-2', 2], ['V-rated-5', 5]]))
    })

    it('reads the feedback on a visit back whole, without any bookkeeping; none is null', async () => {
      const given = { ...feedback('V-commented', 'W0001', '2026-03', 4), comment: '讲得很清楚', commentStatus: 'pass' as const }
      await store.submitFeedback(given)
      expect(await store.visits.getFeedback('V-commented')).toEqual(given)
      expect(await store.visits.getFeedback('V-unrated')).toBeNull()
    })

    it('answers for 150 visits at once, the rated ones among them', async () => {
      const codes = Array.from({ length: 150 }, (_, i) => `V-many-${String(i).padStart(3, '0')}`)
      // Rated: the 1st, the 101st and the last (so every batch of 100 codes is looked at).
      for (const [i, level] of [[0, 1], [100, 3], [149, 4]] as const) await store.submitFeedback(feedback(codes[i], 'W0002', '2026-03', level))
      const levels = await store.visits.feedbackLevels(codes)
      expect([...levels].sort()).toEqual([['V-many-000', 1], ['V-many-100', 3], ['V-many-149', 4]])
    })
  })
}
