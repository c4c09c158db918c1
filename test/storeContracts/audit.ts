// The AuditStore contract (backend/audit/store.ts), run on SQLite (backend/store/sqlite/sqliteStore.test.ts)
// and on CloudStore over the real wx-server-sdk and the CloudBase emulator (cloudStore.test.ts): entries are
// appended, never changed; a keyed append is idempotent; lists filter by action, sub-district and time,
// newest first, in pages (past the cloud's 100-row cap).
import type { Store } from '@backend/store'
import type { AuditDraft } from '@backend/audit/store'

const CLERK = { openid: 'o-fs-clerk', role: 'subdistrict' as const, name: '浮山街道 李干事' }
const BUREAU = { openid: 'o-bureau', role: 'bureau' as const, name: '市民政局 王科长' }

function draft(at: string, extra: Partial<AuditDraft> = {}): AuditDraft {
  return {
    at,
    by: CLERK,
    action: 'sheet.change',
    subdistrictId: 'sd-fushan',
    target: 'sheet:period:2026-03',
    reason: '复核后更正张三的得分',
    details: { changes: [{ workerCode: 'W0001', from: [38, 36, 18], to: [38.5, 36, 18.7] }] },
    ...extra,
  }
}

export function describeAuditStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`AuditStore contract: ${name}`, () => {
    let store: Store
    beforeEach(async () => {
      store = await makeStore()
    })

    it('keeps an entry whole, with an id, and lists it', async () => {
      const entry = await store.audit.append(draft('2026-04-02T02:00:00.000Z'))
      expect(entry).toEqual({ ...draft('2026-04-02T02:00:00.000Z'), id: expect.any(String) })
      expect(await store.audit.list({}, { limit: 10 })).toEqual({ entries: [entry] })
    })

    it('appends a keyed entry once: the retry returns the first entry', async () => {
      const first = await store.audit.append(draft('2026-04-02T02:00:00.000Z'), 'o-fs-clerk|sheet.change|key-0001')
      const again = await store.audit.append(draft('2026-04-02T02:00:00.000Z'), 'o-fs-clerk|sheet.change|key-0001')
      const other = await store.audit.append(draft('2026-04-02T02:00:00.000Z'), 'o-fs-clerk|sheet.change|key-0002')
      expect(again).toEqual(first)
      expect(other.id).not.toBe(first.id)
      expect((await store.audit.list({}, { limit: 10 })).entries).toHaveLength(2)
    })

    it('lists newest first and filters by action, sub-district and from <= at < to', async () => {
      await store.audit.append(draft('2026-03-01T00:00:00.000Z'))
      await store.audit.append(draft('2026-04-01T00:00:00.000Z', { subdistrictId: 'sd-wenquan' }))
      await store.audit.append(draft('2026-05-01T00:00:00.000Z', { action: 'settings.save', by: BUREAU, subdistrictId: undefined, target: 'settings:v2', reason: undefined }))
      await store.audit.append(draft('2026-06-01T00:00:00.000Z'))
      const ats = async (filter: object) => (await store.audit.list(filter, { limit: 10 })).entries.map((e) => e.at.slice(0, 7))
      expect(await ats({})).toEqual(['2026-06', '2026-05', '2026-04', '2026-03'])
      expect(await ats({ action: 'sheet.change' })).toEqual(['2026-06', '2026-04', '2026-03'])
      expect(await ats({ subdistrictId: 'sd-fushan' })).toEqual(['2026-06', '2026-03'])
      expect(await ats({ from: '2026-04-01T00:00:00.000Z', to: '2026-06-01T00:00:00.000Z' })).toEqual(['2026-05', '2026-04'])
      expect(await ats({ action: 'sheet.change', from: '2026-03-15T00:00:00.000Z' })).toEqual(['2026-06', '2026-04'])
    })

    it('pages 130 entries as 50 + 50 + 30, newest first, none twice and none skipped', async () => {
      const base = Date.parse('2026-03-01T00:00:00.000Z')
      for (let i = 0; i < 130; i += 1) await store.audit.append(draft(new Date(base + i * 60_000).toISOString(), { target: `t${i}` }))
      const seen: string[] = []
      const sizes: number[] = []
      let before: string | undefined
      do {
        const page = await store.audit.list({ action: 'sheet.change' }, { limit: 50, before })
        sizes.push(page.entries.length)
        seen.push(...page.entries.map((e) => e.target))
        before = page.next
      } while (before !== undefined)
      expect(sizes).toEqual([50, 50, 30])
      expect(seen).toEqual(Array.from({ length: 130 }, (_, i) => `t${129 - i}`))
    })
  })
}
