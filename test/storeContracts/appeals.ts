// The AppealStore contract (backend/appeals/store.ts), run on SQLite (backend/store/sqlite/sqliteStore.test.ts)
// and on CloudStore over the real wx-server-sdk and the CloudBase emulator (cloudStore.test.ts): one appeal
// per rating, a decision once (compare-and-set from pending), a sub-district's list pending first (past
// the cloud's 100-row pages), a worker's list, and a worker's bad ratings and feedback since a moment.
import type { Store } from '@backend/store'
import type { AppealDecision, AppealRecord } from '@backend/appeals/store'
import type { Level } from '@core/types'
import { OTHER_SID, SID, feedback, orgOf, rating } from '../storeContract'

function appeal(id: string, workerCode: string, filedAt: string, extra: Partial<AppealRecord> = {}): AppealRecord {
  return { id, ref: { kind: 'resident', id: `rating-${id}` }, workerCode, subdistrictId: SID, month: '2026-11', reason: '当天不在岗，评价与事实不符', filedAt, key: `key-${id}`, status: 'pending', ...extra }
}

const decision = (choice: 'uphold' | 'reject', at: string, key = `decide-${at}`): AppealDecision =>
  ({ decision: choice, note: '经核实', by: 'o-staff', byName: '刘科长', at, key })

const at = (day: number, hour = 2) => `2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`

export function describeAppealStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`AppealStore contract: ${name}`, () => {
    let store: Store
    beforeEach(async () => {
      store = await makeStore()
      await store.putOrg(orgOf(SID, 3))
      await store.putOrg(orgOf(OTHER_SID, 1))
    })

    it('stores one appeal per rating: a second under the same id is refused and the first stays', async () => {
      const first = appeal('a1', 'W0001', at(2))
      expect(await store.appeals.create(first)).toBe(true)
      expect(await store.appeals.create(appeal('a1', 'W0001', at(3), { reason: '第二次申诉的理由' }))).toBe(false)
      expect(await store.appeals.get('a1')).toEqual(first)
      expect(await store.appeals.get('a2')).toBeNull()
    })

    it('decides once: pending → upheld with the decision; a second decision (either way) changes nothing', async () => {
      await store.appeals.create(appeal('a1', 'W0001', at(2)))
      expect(await store.appeals.decide('a1', decision('uphold', at(3)))).toBe(true)
      expect(await store.appeals.decide('a1', decision('reject', at(4)))).toBe(false)
      expect(await store.appeals.get('a1')).toEqual({ ...appeal('a1', 'W0001', at(2)), status: 'upheld', decision: decision('uphold', at(3)) })
      expect(await store.appeals.decide('missing', decision('reject', at(4)))).toBe(false)
      expect(await store.appeals.get('missing')).toBeNull()
    })

    it('lets one of two deciders at once win', async () => {
      await store.appeals.create(appeal('a1', 'W0001', at(2)))
      const won = await Promise.all([store.appeals.decide('a1', decision('uphold', at(3), 'k1')), store.appeals.decide('a1', decision('reject', at(3), 'k2'))])
      expect(won.filter(Boolean)).toHaveLength(1)
      const stored = await store.appeals.get('a1')
      expect(stored?.status).toBe(won[0] ? 'upheld' : 'rejected')
    })

    it("lists a sub-district's appeals pending first (oldest filed first), then decided (newest decided first), past 100", async () => {
      // 105 pending filed on 11-02 at increasing minutes, two decided, one of another sub-district.
      for (let i = 0; i < 105; i += 1) await store.appeals.create(appeal(`p${String(i).padStart(3, '0')}`, 'W0001', `2026-11-02T02:${String(i % 60).padStart(2, '0')}:${String(Math.floor(i / 60)).padStart(2, '0')}.000Z`))
      await store.appeals.create(appeal('d-early', 'W0002', at(1)))
      await store.appeals.create(appeal('d-late', 'W0002', at(1, 3)))
      await store.appeals.decide('d-early', decision('reject', at(5)))
      await store.appeals.decide('d-late', decision('uphold', at(4)))
      await store.appeals.create(appeal('other', 'W0001', at(2), { subdistrictId: OTHER_SID }))
      const listed = await store.appeals.listBySubdistrict(SID)
      expect(listed).toHaveLength(107)
      const pending = listed.slice(0, 105)
      expect(pending.every((a) => a.status === 'pending')).toBe(true)
      expect(pending.map((a) => a.filedAt)).toEqual([...pending.map((a) => a.filedAt)].sort())
      expect(listed.slice(105).map((a) => a.id)).toEqual(['d-early', 'd-late'])
      expect((await store.appeals.listBySubdistrict(OTHER_SID)).map((a) => a.id)).toEqual(['other'])
      // The pending ones only: the 105, in the same order, past the cloud's 100-row page; none decided.
      const waiting = await store.appeals.listBySubdistrict(SID, 'pending')
      expect(waiting.map((a) => a.id)).toEqual(pending.map((a) => a.id))
      expect((await store.appeals.listBySubdistrict(OTHER_SID, 'pending')).map((a) => a.id)).toEqual(['other'])
    })

    it("lists a worker's appeals newest filed first, and no one else's", async () => {
      await store.appeals.create(appeal('a1', 'W0001', at(2)))
      await store.appeals.create(appeal('a2', 'W0001', at(4)))
      await store.appeals.create(appeal('b1', 'W0002', at(3)))
      expect((await store.appeals.listByWorker('W0001')).map((a) => a.id)).toEqual(['a2', 'a1'])
      expect(await store.appeals.listByWorker('W0003')).toEqual([])
    })

    it("finds a worker's level 1-2 ratings and feedback submitted since a moment, never the rater", async () => {
      const rated = (openid: string, level: Level, day: number) => ({ ...rating(openid, 'W0001', '2026-11', level), submittedAt: at(day) })
      for (const r of [rated('r1', 1, 3), rated('r2', 2, 5), rated('r3', 3, 5), rated('r4', 5, 5), rated('r5', 1, 1)]) await store.submitResidentRating(r)
      await store.submitResidentRating({ ...rating('r6', 'W0002', '2026-11', 1), submittedAt: at(5) })
      await store.submitFeedback({ ...feedback('visit-bad', 'W0001', '2026-11', 2), submittedAt: at(4), comment: '没解决问题', commentStatus: 'pass' })
      await store.submitFeedback({ ...feedback('visit-good', 'W0001', '2026-11', 4), submittedAt: at(4) })
      const bad = await store.appeals.badRatingsSince('W0001', at(2))
      // r5 (11-01) is before the moment; r3 and r4 and the good feedback are no bad reviews; W0002's is not theirs.
      expect(bad.map((b) => [b.ref.kind, b.level, b.submittedAt]).sort()).toEqual([
        ['recipient', 2, at(4)],
        ['resident', 1, at(3)],
        ['resident', 2, at(5)],
      ])
      expect(bad.find((b) => b.ref.kind === 'recipient')).toMatchObject({ ref: { id: 'visit-bad' }, month: '2026-11', comment: '没解决问题', commentStatus: 'pass' })
      expect(bad.find((b) => b.level === 1)?.ref.id).toBe(rating('r1', 'W0001', '2026-11', 1).id)
      expect(JSON.stringify(bad)).not.toMatch(/"r[1-6]"|recipient-1/)
    })
  })
}
