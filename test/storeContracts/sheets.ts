// The SheetStore contract (backend/sheets/store.ts), run on SQLite (backend/store/sqlite/sqliteStore.test.ts)
// and on CloudStore over the real wx-server-sdk and the CloudBase emulator (cloudStore.test.ts): one sheet
// per (sub-district, kind, period), written by compare-and-set on its version; and the year-end review
// scores (listYearEnd) read from the year's submitted 'yearEnd' sheet, complete rows only.
import type { Store } from '@backend/store'
import type { SheetRecord } from '@backend/sheets/store'
import { DEFAULT_SHEET_CRITERIA } from '@core/sheets'

const CLERK = { openid: 'o-fs-clerk', name: '浮山街道 李干事' }

function sheet(extra: Partial<SheetRecord> = {}): SheetRecord {
  return {
    subdistrictId: 'sd-fushan',
    kind: 'yearEnd',
    period: '2026',
    status: 'draft',
    version: 1,
    criteria: DEFAULT_SHEET_CRITERIA,
    rows: [
      { workerCode: 'W0001', points: [38.5, 36, 18.7] },
      { workerCode: 'W0002', points: [40, 40, 20] },
      { workerCode: 'W0003', points: [30, null, 15] },
    ],
    createdAt: '2026-12-20T02:00:00.000Z',
    updatedAt: '2026-12-20T02:00:00.000Z',
    updatedBy: CLERK,
    changes: [],
    ...extra,
  }
}

export function describeSheetStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`SheetStore contract: ${name}`, () => {
    let store: Store
    beforeEach(async () => {
      store = await makeStore()
    })

    it('has no sheet and no year-end scores before one is written', async () => {
      expect(await store.sheets.getSheet('sd-fushan', 'yearEnd', '2026')).toBeNull()
      expect(await store.sheets.listYearEnd('sd-fushan', '2026')).toEqual([])
    })

    it('creates version 1 once, reads it back whole, and keeps sheets of other kinds, periods and sub-districts apart', async () => {
      expect(await store.sheets.putSheet(sheet())).toBe(true)
      expect(await store.sheets.putSheet(sheet({ rows: [] }))).toBe(false)
      expect(await store.sheets.getSheet('sd-fushan', 'yearEnd', '2026')).toEqual(sheet())
      expect(await store.sheets.getSheet('sd-fushan', 'period', '2026')).toBeNull()
      expect(await store.sheets.getSheet('sd-fushan', 'yearEnd', '2025')).toBeNull()
      expect(await store.sheets.getSheet('sd-wenquan', 'yearEnd', '2026')).toBeNull()
    })

    it('writes version n + 1 only over version n: a stale writer changes nothing', async () => {
      await store.sheets.putSheet(sheet())
      const submitted = sheet({ version: 2, status: 'submitted', submittedAt: '2026-12-21T02:00:00.000Z', submittedBy: CLERK })
      expect(await store.sheets.putSheet(submitted)).toBe(true)
      // a second writer that also read version 1
      expect(await store.sheets.putSheet(sheet({ version: 2, rows: [] }))).toBe(false)
      // a writer skipping a version
      expect(await store.sheets.putSheet(sheet({ version: 4 }))).toBe(false)
      expect(await store.sheets.getSheet('sd-fushan', 'yearEnd', '2026')).toEqual(submitted)
    })

    it('of two writers from the same version at once, exactly one lands', async () => {
      await store.sheets.putSheet(sheet())
      const a = sheet({ version: 2, rows: [{ workerCode: 'W0001', points: [1, 2, 3] }] })
      const b = sheet({ version: 2, rows: [{ workerCode: 'W0001', points: [4, 5, 6] }] })
      const landed = await Promise.all([store.sheets.putSheet(a), store.sheets.putSheet(b)])
      expect(landed.filter(Boolean)).toHaveLength(1)
      expect(await store.sheets.getSheet('sd-fushan', 'yearEnd', '2026')).toEqual(landed[0] ? a : b)
    })

    it('lists the year-end scores of a submitted review only: 38.5 + 36 + 18.7 = 93.2, 40 + 40 + 20 = 100, the incomplete row left out', async () => {
      await store.sheets.putSheet(sheet())
      // a draft review is not a review yet
      expect(await store.sheets.listYearEnd('sd-fushan', '2026')).toEqual([])
      await store.sheets.putSheet(sheet({ version: 2, status: 'submitted', submittedAt: '2026-12-21T02:00:00.000Z', submittedBy: CLERK }))
      expect(await store.sheets.listYearEnd('sd-fushan', '2026')).toEqual([
        { workerCode: 'W0001', score: 93.2 },
        { workerCode: 'W0002', score: 100 },
      ])
      expect(await store.sheets.listYearEnd('sd-fushan', '2025')).toEqual([])
      expect(await store.sheets.listYearEnd('sd-wenquan', '2026')).toEqual([])
    })

    it("does not take a submitted period sheet of the year for its year-end review", async () => {
      await store.sheets.putSheet(sheet({ kind: 'period', status: 'submitted', submittedAt: '2026-12-21T02:00:00.000Z', submittedBy: CLERK }))
      expect(await store.sheets.listYearEnd('sd-fushan', '2026')).toEqual([])
    })

    it('keeps a changed sheet whole: rows, change summaries, the criteria it was created with', async () => {
      const criteria = [{ name: '群众口碑', weight: 60 }, { name: '工作实绩', weight: 40 }]
      await store.sheets.putSheet(sheet({ criteria, rows: [{ workerCode: 'W0001', points: [55.5, 30] }] }))
      const changed = sheet({
        version: 2,
        status: 'submitted',
        criteria,
        rows: [{ workerCode: 'W0001', points: [50, 30] }],
        submittedAt: '2026-12-21T02:00:00.000Z',
        submittedBy: CLERK,
        changes: [{ at: '2026-12-22T02:00:00.000Z', by: CLERK, reason: '复核后更正群众口碑得分', rows: [{ workerCode: 'W0001', from: [55.5, 30], to: [50, 30] }] }],
      })
      expect(await store.sheets.putSheet(changed)).toBe(true)
      expect(await store.sheets.getSheet('sd-fushan', 'yearEnd', '2026')).toEqual(changed)
      expect(await store.sheets.listYearEnd('sd-fushan', '2026')).toEqual([{ workerCode: 'W0001', score: 80 }])
    })
  })
}
