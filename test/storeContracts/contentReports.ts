// The ContentReportStore contract (backend/contentReports/store.ts), run on SQLite
// (backend/store/sqlite/sqliteStore.test.ts) and on CloudStore over the real wx-server-sdk and the
// CloudBase emulator (cloudStore.test.ts): one report per id (a second filing stores nothing and keeps the
// first), a sub-district's open reports oldest first and no one else's, past the cloud's 100-row pages;
// closing an item closes all its open reports, whichever text they named, and nothing of other items.
import type { Store } from '@backend/store'
import type { ContentReportRecord } from '@backend/contentReports/store'
import { OTHER_SID, SID } from '../storeContract'

const report = (id: string, itemId: string, reportedAt: string, extra: Partial<ContentReportRecord> = {}): ContentReportRecord => ({
  id,
  kind: 'comment',
  itemId,
  version: '2026-03-10T02:00:00.000Z',
  subdistrictId: SID,
  reportedAt,
  status: 'open',
  ...extra,
})

export function describeContentReportStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`ContentReportStore contract: ${name}`, () => {
    let store: Store
    beforeEach(async () => {
      store = await makeStore()
    })

    it('files a report once: a second filing of the same id stores nothing and keeps the first', async () => {
      const first = report('r-1', 'item-a', '2026-04-01T02:00:00.000Z', { reason: '辱骂/人身攻击' })
      expect(await store.contentReports.file(first)).toBe(true)
      expect(await store.contentReports.file({ ...first, reason: '其他', reportedAt: '2026-04-02T02:00:00.000Z' })).toBe(false)
      expect(await store.contentReports.get('r-1')).toEqual(first)
      expect(await store.contentReports.get('r-none')).toBeNull()
      expect(await store.contentReports.listOpen(SID)).toEqual([first])
    })

    it("lists a sub-district's open reports oldest first, no one else's, and closes an item's reports whatever text they named", async () => {
      const late = report('r-late', 'item-a', '2026-04-03T02:00:00.000Z')
      const early = report('r-early', 'case-b', '2026-04-01T02:00:00.000Z', { kind: 'note', reason: '泄露隐私' })
      const older = report('r-older', 'item-a', '2026-04-02T02:00:00.000Z', { version: '2026-03-01T02:00:00.000Z' })
      const elsewhere = report('r-else', 'item-c', '2026-04-01T01:00:00.000Z', { subdistrictId: OTHER_SID })
      for (const r of [late, early, older, elsewhere]) expect(await store.contentReports.file(r)).toBe(true)
      expect((await store.contentReports.listOpen(SID)).map((r) => r.id)).toEqual(['r-early', 'r-older', 'r-late'])
      expect((await store.contentReports.listOpen(OTHER_SID)).map((r) => r.id)).toEqual(['r-else'])
      expect(await store.contentReports.listOpen('sd-none')).toEqual([])

      // A note and a comment may share an item id (a case's id is its rating's): closing one kind leaves the other.
      expect(await store.contentReports.close('note', 'item-a')).toBe(0)
      expect(await store.contentReports.close('comment', 'item-a')).toBe(2)
      expect(await store.contentReports.close('comment', 'item-a')).toBe(0)
      expect((await store.contentReports.listOpen(SID)).map((r) => r.id)).toEqual(['r-early'])
      expect(await store.contentReports.get('r-late')).toEqual({ ...late, status: 'closed' })
      // Closed, the report still stands in the way of a second one by the same reporter.
      expect(await store.contentReports.file(late)).toBe(false)
      expect(await store.contentReports.get('r-late')).toMatchObject({ status: 'closed' })
    })

    it('lists all 130 open reports of a sub-district, past the cloud’s 100-row pages', async () => {
      for (let i = 0; i < 130; i += 1) {
        const at = new Date(Date.parse('2026-04-01T00:00:00.000Z') + i * 60_000).toISOString()
        await store.contentReports.file(report(`r-${String(i).padStart(3, '0')}`, `item-${i}`, at))
      }
      const open = await store.contentReports.listOpen(SID)
      expect(open.map((r) => r.id)).toEqual(Array.from({ length: 130 }, (_, i) => `r-${String(i).padStart(3, '0')}`))
    })
  })
}
