// The HallStore contract (backend/hall/store.ts), run on SQLite (backend/store/sqlite/sqliteStore.test.ts)
// and on CloudStore over the real wx-server-sdk and the CloudBase emulator (cloudStore.test.ts): one rota
// per community and month (on CloudBase months of a year share a document, and still never touch each
// other), each change a compare-and-set on its version (of two changes from one version exactly one
// lands), the arrays replaced whole, and lists of a community's or a sub-district's months' days (past the
// cloud's 100-row pages).
import type { Store } from '@backend/store'
import type { HallRotaRecord } from '@backend/hall/store'

function rota(communityId: string, month: string, extra: Partial<HallRotaRecord> = {}): HallRotaRecord {
  return {
    communityId,
    communityName: '银泉社区',
    subdistrictId: 'sd-a',
    month,
    staffing: 2,
    groups: [['W0001', 'W0002'], ['W0003']],
    pairs: [{ a: 'W0001', b: 'W0003' }],
    days: [
      { date: `${month}-01`, workerCodes: ['W0001', 'W0002'] },
      { date: `${month}-02`, workerCodes: [] },
    ],
    workers: [
      { workerCode: 'W0001', name: '刘建华', post: '正职' },
      { workerCode: 'W0002', name: '王志强', post: '副职' },
      { workerCode: 'W0003', name: '陈秀英', post: '委员' },
    ],
    next: 'W0003',
    version: 1,
    updatedAt: '2026-09-21T02:00:00.000Z',
    updatedBy: '银泉社区 李主任',
    ...extra,
  }
}

export function describeHallStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`HallStore contract: ${name}`, () => {
    let store: Store
    beforeEach(async () => {
      store = await makeStore()
    })

    it('stores a month’s first rota once: a second version 1 is refused and the first stays', async () => {
      expect(await store.hall.putRota(rota('c1', '2026-10'))).toBe(true)
      expect(await store.hall.putRota(rota('c1', '2026-10', { staffing: 3 }))).toBe(false)
      expect(await store.hall.getRota('c1', '2026-10')).toEqual(rota('c1', '2026-10'))
      expect(await store.hall.getRota('c1', '2026-11')).toBeNull()
      expect(await store.hall.getRota('c2', '2026-10')).toBeNull()
    })

    it('changes from the stored version only, replacing the days, groups and pairs whole', async () => {
      await store.hall.putRota(rota('c1', '2026-10'))
      const changed = rota('c1', '2026-10', {
        version: 2,
        groups: [['W0002']],
        pairs: [],
        days: [{ date: '2026-10-01', workerCodes: ['W0002'] }],
        workers: [{ workerCode: 'W0002', name: '王志强', post: '副职' }],
        next: null,
        updatedBy: '银泉社区 张委员',
      })
      expect(await store.hall.putRota(changed)).toBe(true)
      expect(await store.hall.getRota('c1', '2026-10')).toEqual(changed)
      // From a version no longer stored (1, or one ahead): nothing changes.
      expect(await store.hall.putRota(rota('c1', '2026-10', { version: 2, staffing: 5 }))).toBe(false)
      expect(await store.hall.putRota(rota('c1', '2026-10', { version: 4, staffing: 5 }))).toBe(false)
      expect(await store.hall.getRota('c1', '2026-10')).toEqual(changed)
      // A version 2 of a month never stored creates nothing.
      expect(await store.hall.putRota(rota('c1', '2026-12', { version: 2 }))).toBe(false)
      expect(await store.hall.getRota('c1', '2026-12')).toBeNull()
    })

    it('keeps who went out of post, and an emptied list as empty', async () => {
      await store.hall.putRota(rota('c1', '2026-10'))
      expect(await store.hall.putRota(rota('c1', '2026-10', { version: 2, outOfPost: ['W0002'] }))).toBe(true)
      expect((await store.hall.getRota('c1', '2026-10'))?.outOfPost).toEqual(['W0002'])
      expect(await store.hall.putRota(rota('c1', '2026-10', { version: 3, outOfPost: [] }))).toBe(true)
      expect((await store.hall.getRota('c1', '2026-10'))?.outOfPost).toEqual([])
    })

    it('lets one of two changes from the same version land', async () => {
      await store.hall.putRota(rota('c1', '2026-10'))
      const landed = await Promise.all([store.hall.putRota(rota('c1', '2026-10', { version: 2, staffing: 3 })), store.hall.putRota(rota('c1', '2026-10', { version: 2, staffing: 4 }))])
      expect(landed.filter(Boolean)).toHaveLength(1)
      expect((await store.hall.getRota('c1', '2026-10'))?.staffing).toBe(landed[0] ? 3 : 4)
    })

    it('keeps each month to itself: first versions of one year at once all land, a change leaves the other months as they were', async () => {
      // On CloudBase one document holds a community's year: the first month to come makes it, the others
      // join it — three at once here, then January, which usually comes first, into a year already made.
      const months = ['2027-02', '2027-07', '2027-12', '2027-01']
      expect(await Promise.all(months.slice(0, 3).map((month) => store.hall.putRota(rota('c1', month))))).toEqual([true, true, true])
      expect(await store.hall.putRota(rota('c1', '2027-01'))).toBe(true)
      expect(await Promise.all(months.map((month) => store.hall.putRota(rota('c1', month, { staffing: 9 }))))).toEqual([false, false, false, false])
      const july = rota('c1', '2027-07', { version: 2, days: [{ date: '2027-07-01', workerCodes: ['W0003'] }] })
      expect(await Promise.all([store.hall.putRota(july), store.hall.putRota(rota('c1', '2027-12', { version: 2, outOfPost: ['W0002'] }))])).toEqual([true, true])
      expect(await store.hall.getRota('c1', '2027-07')).toEqual(july)
      expect(await store.hall.getRota('c1', '2027-02')).toEqual(rota('c1', '2027-02'))
      expect((await store.hall.getRota('c1', '2027-12'))?.outOfPost).toEqual(['W0002'])
      // A month's version is its own: July's 2 is no base for February's change.
      expect(await store.hall.putRota(rota('c1', '2027-02', { version: 3 }))).toBe(false)
      expect(await store.hall.getRota('c1', '2027-03')).toBeNull()
    })

    it('lists only the days, across a year’s end, of the months asked', async () => {
      await store.hall.putRota(rota('c1', '2026-12'))
      await store.hall.putRota(rota('c1', '2027-01', { days: [{ date: '2027-01-04', workerCodes: ['W0003'] }] }))
      await store.hall.putRota(rota('c1', '2027-02'))
      expect(await store.hall.listRotaDays({ communityId: 'c1' }, ['2026-12', '2027-01'])).toEqual([
        { communityId: 'c1', subdistrictId: 'sd-a', month: '2026-12', days: rota('c1', '2026-12').days },
        { communityId: 'c1', subdistrictId: 'sd-a', month: '2027-01', days: [{ date: '2027-01-04', workerCodes: ['W0003'] }] },
      ])
      expect((await store.hall.listRotaDays({ subdistrictId: 'sd-a' }, ['2027-02', '2027-03'])).map((r) => r.month)).toEqual(['2027-02'])
    })

    it('lists the months asked of one community, or of every community of a sub-district, past 100', async () => {
      const months = ['2026-01', '2026-02', '2026-03']
      for (const month of months) await store.hall.putRota(rota('c1', month))
      await store.hall.putRota(rota('c1', '2026-04'))
      await store.hall.putRota(rota('c-other', '2026-01', { subdistrictId: 'sd-b' }))
      // 105 communities of sd-a in 2026-02: more than one page of the cloud's 100.
      for (let i = 0; i < 105; i += 1) await store.hall.putRota(rota(`c-many-${String(i).padStart(3, '0')}`, '2026-02'))
      expect((await store.hall.listRotaDays({ communityId: 'c1' }, months)).map((r) => r.month)).toEqual(months)
      const ofSubdistrict = await store.hall.listRotaDays({ subdistrictId: 'sd-a' }, ['2026-02'])
      expect(ofSubdistrict).toHaveLength(106)
      expect(ofSubdistrict.every((r) => r.subdistrictId === 'sd-a' && r.month === '2026-02')).toBe(true)
      expect((await store.hall.listRotaDays({ subdistrictId: 'sd-b' }, months)).map((r) => r.communityId)).toEqual(['c-other'])
      expect(await store.hall.listRotaDays({ communityId: 'c1' }, [])).toEqual([])
    })
  })
}
