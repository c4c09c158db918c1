// The SettingsStore contract (backend/settings/store.ts), run on SQLite (backend/store/sqlite/sqliteStore.test.ts)
// and on CloudStore over the real wx-server-sdk and the CloudBase emulator (cloudStore.test.ts): version 1 is
// what setup saved; each save appends the next version with who, when and the values it replaced, and
// getSettings (what evaluations read) returns the version in force.
import type { Store } from '@backend/store'
import { DEFAULT_SETTINGS } from '@core/settings'
import type { Settings } from '@core/types'

const BUREAU = { openid: 'o-bureau', name: '市民政局管理员' }
const CLERK = { openid: 'o-clerk', name: '王科长' }
const QUOTA_30: Settings = { ...DEFAULT_SETTINGS, excellentQuota: 0.3 }
const SHARE_70: Settings = { ...QUOTA_30, dailyShare: 0.7, holidays: ['2026-10-01', '2026-10-02'] }

export function describeSettingsStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`SettingsStore contract: ${name}`, () => {
    let store: Store
    beforeEach(async () => {
      store = await makeStore()
    })

    it('has no settings before setup saves the first ones, which are version 1 with no history', async () => {
      expect(await store.settings.current()).toBeNull()
      await store.saveSettings(DEFAULT_SETTINGS)
      expect(await store.settings.current()).toEqual({ version: 1, settings: DEFAULT_SETTINGS })
      expect(await store.settings.history()).toEqual([])
    })

    it('makes version 2, then 3, each kept with who, when and the values it replaced; getSettings follows', async () => {
      await store.saveSettings(DEFAULT_SETTINGS)
      expect(await store.settings.save(QUOTA_30, '2026-03-01T02:00:00.000Z', BUREAU)).toEqual({ version: 2 })
      expect(await store.getSettings()).toEqual(QUOTA_30)
      expect(await store.settings.save(SHARE_70, '2026-03-02T03:00:00.000Z', CLERK)).toEqual({ version: 3 })
      expect(await store.getSettings()).toEqual(SHARE_70)
      expect(await store.settings.current()).toEqual({ version: 3, settings: SHARE_70, savedAt: '2026-03-02T03:00:00.000Z', savedBy: CLERK })
      expect(await store.settings.history()).toEqual([
        { version: 2, settings: QUOTA_30, previous: DEFAULT_SETTINGS, savedAt: '2026-03-01T02:00:00.000Z', savedBy: BUREAU },
        { version: 3, settings: SHARE_70, previous: QUOTA_30, savedAt: '2026-03-02T03:00:00.000Z', savedBy: CLERK },
      ])
    })

    it('two saves at once make two versions, 2 and 3, the one in force being the last in the history', async () => {
      await store.saveSettings(DEFAULT_SETTINGS)
      const versions = await Promise.all([
        store.settings.save(QUOTA_30, '2026-03-01T02:00:00.000Z', BUREAU),
        store.settings.save(SHARE_70, '2026-03-01T02:00:00.000Z', CLERK),
      ])
      expect(versions.map((v) => v.version).sort()).toEqual([2, 3])
      const history = await store.settings.history()
      expect(history.map((h) => h.version)).toEqual([2, 3])
      expect(history[1].previous).toEqual(history[0].settings)
      expect((await store.settings.current())?.settings).toEqual(history[1].settings)
    })
  })
}
