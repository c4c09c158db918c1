// The CaseStore contract (backend/cases/store.ts), run on SQLite (backend/store/sqlite/sqliteStore.test.ts)
// and on CloudStore over the real wx-server-sdk and the CloudBase emulator (cloudStore.test.ts): one case
// per rating, every step a compare-and-set on `version` (one of two writers at once wins), lists by
// community, sub-district, worker and rater newest first (past the cloud's 100-row pages).
import type { Store } from '@backend/store'
import type { CaseRecord } from '@backend/cases/store'

const at = (day: number, minute = 0) => `2026-10-${String(day).padStart(2, '0')}T02:${String(minute).padStart(2, '0')}:00.000Z`

function kase(id: string, extra: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id,
    ref: { kind: 'resident', id: `rating-${id}` },
    raterOpenid: 'o-rater-1',
    workerCode: 'W0001',
    communityId: 'c-1',
    subdistrictId: 'sd-1',
    month: '2026-10',
    level: 1,
    openedAt: at(9),
    callbackDue: '2026-10-12',
    rectifyDue: '2026-10-30',
    version: 1,
    ...extra,
  }
}

const callback = { at: at(10), by: 'o-admin', byName: '周书记', reached: true, outcome: '已电话联系，居民反映入户不及时' }

export function describeCaseStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`CaseStore contract: ${name}`, () => {
    let store: Store
    beforeEach(async () => {
      store = await makeStore()
    })

    it('opens one case per rating: a second under the same id is refused and the first stays', async () => {
      expect(await store.cases.open(kase('k1'))).toBe(true)
      expect(await store.cases.open(kase('k1', { level: 2 }))).toBe(false)
      expect(await store.cases.get('k1')).toEqual(kase('k1'))
      expect(await store.cases.get('k2')).toBeNull()
    })

    it('updates by compare-and-set on version: 1 → 2 once; a stale second writer changes nothing', async () => {
      await store.cases.open(kase('k1'))
      expect(await store.cases.update({ ...kase('k1'), callback, version: 2 })).toBe(true)
      expect(await store.cases.update({ ...kase('k1'), callback: { ...callback, outcome: '另一次' }, version: 2 })).toBe(false)
      expect(await store.cases.get('k1')).toEqual({ ...kase('k1'), callback, version: 2 })
      expect(await store.cases.update({ ...kase('missing'), version: 2 })).toBe(false)
      expect(await store.cases.get('missing')).toBeNull()
    })

    it('keeps a message not sent on the case, as staff read it', async () => {
      const rectification = { at: at(12), by: 'o-admin', byName: '周书记', note: '已调整走访安排，每周入户一次' }
      await store.cases.open(kase('k1', { callback, rectification, version: 3 }))
      const told: CaseRecord = kase('k1', { callback, rectification, notifyFailure: { at: at(12, 1), message: '通知居民失败：模板参数不符（47003），请联系管理员核对 SUBSCRIBE_KEYWORDS' }, version: 4 })
      expect(await store.cases.update(told)).toBe(true)
      expect(await store.cases.get('k1')).toEqual(told)
    })

    it('lets one of two writers at once win', async () => {
      await store.cases.open(kase('k1'))
      const won = await Promise.all([
        store.cases.update({ ...kase('k1'), callback: { ...callback, outcome: 'A' }, version: 2 }),
        store.cases.update({ ...kase('k1'), callback: { ...callback, outcome: 'B' }, version: 2 }),
      ])
      expect(won.filter(Boolean)).toHaveLength(1)
      expect((await store.cases.get('k1'))?.callback?.outcome).toBe(won[0] ? 'A' : 'B')
    })

    it('erases a phone number: the contact replaced whole and contactAt gone, nothing of the number left', async () => {
      const left = kase('k1', { contact: { phone: '13912345678' }, contactAt: at(9, 30), version: 2 })
      await store.cases.open(left)
      const { contactAt: _gone, ...rest } = left
      const erased: CaseRecord = { ...rest, contact: { erased: true }, version: 3 }
      expect(await store.cases.update(erased)).toBe(true)
      expect(await store.cases.get('k1')).toEqual(erased)
      expect(JSON.stringify(await store.cases.get('k1'))).not.toMatch(/13912345678|contactAt/)
    })

    it('closes a case as withdrawn (an upheld appeal): the withdrawal written with the number erased, by compare-and-set', async () => {
      const left = kase('k1', { contact: { phone: '13912345678' }, contactAt: at(9, 30), callback, version: 3 })
      await store.cases.open(left)
      const { contactAt: _gone, ...rest } = left
      const withdrawal = { at: at(20), by: 'o-staff', byName: '浮山办事处 刘科长', note: '监控显示当天未入户，差评不实' }
      const withdrawn: CaseRecord = { ...rest, contact: { erased: true }, withdrawal, version: 4 }
      expect(await store.cases.update({ ...withdrawn, version: 3 })).toBe(false)
      expect(await store.cases.update(withdrawn)).toBe(true)
      expect(await store.cases.get('k1')).toEqual(withdrawn)
      expect(JSON.stringify(await store.cases.get('k1'))).not.toMatch(/13912345678|contactAt/)
    })

    it('hides a rectification note (its rater reported it, staff did not pass it) by compare-and-set, the note itself kept', async () => {
      const rectification = { at: at(12), by: 'o-admin', byName: '周书记', note: '已批评教育，此人住3栋' }
      const rectified = kase('k1', { callback, rectification, version: 3 })
      await store.cases.open(rectified)
      const hidden: CaseRecord = { ...rectified, noteHidden: { at: at(13), by: 'o-staff', byName: '浮山办事处 刘科长' }, version: 4 }
      expect(await store.cases.update({ ...hidden, version: 3 })).toBe(false)
      expect(await store.cases.update(hidden)).toBe(true)
      expect(await store.cases.get('k1')).toEqual(hidden)
    })

    it('lists the cases still holding a number left before a time, and no other', async () => {
      await store.cases.open(kase('old', { contact: { phone: '13900000001' }, contactAt: at(1) }))
      await store.cases.open(kase('edge', { contact: { phone: '13900000002' }, contactAt: at(5) }))
      await store.cases.open(kase('new', { contact: { phone: '13900000003' }, contactAt: at(6) }))
      await store.cases.open(kase('none', { contact: { none: true }, openedAt: at(1) }))
      await store.cases.open(kase('erased', { contact: { erased: true }, openedAt: at(1) }))
      await store.cases.open(kase('silent', { openedAt: at(1) }))
      // Before 10-05 02:00 exactly: 'edge', left at that moment, is not yet due.
      expect((await store.cases.listPhonesLeftBefore(at(5))).map((c) => c.id)).toEqual(['old'])
      expect((await store.cases.listPhonesLeftBefore(at(6, 1))).map((c) => c.id).sort()).toEqual(['edge', 'new', 'old'])
      const { contactAt: _gone, ...rest } = (await store.cases.get('old'))!
      await store.cases.update({ ...rest, contact: { erased: true }, version: 2 })
      expect((await store.cases.listPhonesLeftBefore(at(6, 1))).map((c) => c.id).sort()).toEqual(['edge', 'new'])
    })

    it('lists by community, sub-district, worker and rater, newest opened first, past 100', async () => {
      for (let i = 0; i < 103; i += 1) await store.cases.open(kase(`c${String(i).padStart(3, '0')}`, { openedAt: at(1 + Math.floor(i / 60), i % 60) }))
      await store.cases.open(kase('other', { communityId: 'c-2', subdistrictId: 'sd-2', workerCode: 'W0002', raterOpenid: 'o-rater-2', openedAt: at(20) }))
      const inCommunity = await store.cases.listByCommunity('c-1')
      expect(inCommunity).toHaveLength(103)
      expect(inCommunity[0].id).toBe('c102') // 10-02 02:42, the newest of c-1
      expect(inCommunity[102].id).toBe('c000')
      expect((await store.cases.listBySubdistrict('sd-1')).length).toBe(103)
      expect((await store.cases.listByWorker('W0001')).length).toBe(103)
      expect((await store.cases.listBySubdistrict('sd-2')).map((c) => c.id)).toEqual(['other'])
      expect((await store.cases.listByCommunity('c-2')).map((c) => c.id)).toEqual(['other'])
      expect((await store.cases.listByWorker('W0002')).map((c) => c.id)).toEqual(['other'])
      expect((await store.cases.listByRater('o-rater-2')).map((c) => c.id)).toEqual(['other'])
      expect(await store.cases.listByRater('o-nobody')).toEqual([])
    })

    it("lists a sub-district's cases not yet rectified, past 100: waiting for the call-back or the rectification", async () => {
      const rectification = { at: at(11), by: 'o-admin', byName: '周书记', note: '已加强入户走访' }
      for (let i = 0; i < 101; i += 1) await store.cases.open(kase(`w${String(i).padStart(3, '0')}`, { openedAt: at(1 + Math.floor(i / 60), i % 60) }))
      await store.cases.open(kase('called', { callback, version: 2, openedAt: at(8) }))
      await store.cases.open(kase('rectified', { callback, rectification, version: 3, openedAt: at(8) }))
      await store.cases.open(kase('closed', { callback, rectification, confirmation: { at: at(12), verdict: '满意' }, version: 4, openedAt: at(8) }))
      await store.cases.open(kase('other', { subdistrictId: 'sd-2', openedAt: at(8) }))
      const waiting = await store.cases.listUnrectified('sd-1')
      expect(waiting).toHaveLength(102)
      expect(waiting[0].id).toBe('called') // 10-08, the newest
      expect(waiting[0]).toEqual(kase('called', { callback, version: 2, openedAt: at(8) }))
      expect(waiting.some((c) => c.id === 'rectified' || c.id === 'closed' || c.id === 'other')).toBe(false)
      expect((await store.cases.listUnrectified('sd-2')).map((c) => c.id)).toEqual(['other'])
    })
  })
}
