// The SnapshotStore contract (backend/reports/store.ts), run on SQLite (backend/store/sqlite/sqliteStore.test.ts)
// and on CloudStore over the real wx-server-sdk and the CloudBase emulator (cloudStore.test.ts): one snapshot
// per sub-district and period, kept whole (rows, settings, version, time), replaced when retaken, dropped on demand.
import type { Store } from '@backend/store'
import type { EvaluationSnapshot } from '@backend/reports/store'
import { DEFAULT_SETTINGS } from '@core/settings'

function snapshot(subdistrictId: string, period: string, total: number, takenAt = '2026-07-01T18:00:00.000Z'): EvaluationSnapshot {
  return {
    subdistrictId,
    period,
    settingsVersion: 2,
    settings: { ...DEFAULT_SETTINGS, excellentQuota: 0.3 },
    takenAt,
    rows: [
      {
        workerCode: 'W001', name: '张敏', community: '银泉社区', communityId: 'c-yinquan',
        residents: { n: 6, score: 82.5 }, recipients: { n: 3, score: 93.3 }, subdistrict: { score: 88 },
        total, grade: '称职', flags: [], gridTimeRatio: 0.667,
      },
      {
        workerCode: 'W002', name: '李强', community: '青龙社区', communityId: 'c-qinglong',
        residents: null, recipients: null, subdistrict: null, total: null, grade: '未评定',
        flags: ['NO_RESIDENTS', 'NO_RECIPIENTS', 'NO_SUBDISTRICT_SCORE'], gridTimeRatio: null,
        annual: { yearTotal: null, yearEnd: 90, annual: null },
      },
    ],
  }
}

export function describeSnapshotStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`SnapshotStore contract: ${name}`, () => {
    let store: Store
    beforeEach(async () => {
      store = await makeStore()
    })

    it('keeps a snapshot whole and gives it back by sub-district and period; none: null', async () => {
      expect(await store.snapshots.get('sd-a', '2026-H1')).toBeNull()
      await store.snapshots.put(snapshot('sd-a', '2026-H1', 87.4))
      expect(await store.snapshots.get('sd-a', '2026-H1')).toEqual(snapshot('sd-a', '2026-H1', 87.4))
      expect(await store.snapshots.get('sd-b', '2026-H1')).toBeNull()
      expect(await store.snapshots.get('sd-a', '2026-06')).toBeNull()
    })

    it('replaces the snapshot of the same sub-district and period when it is retaken', async () => {
      await store.snapshots.put(snapshot('sd-a', '2026-05', 80))
      await store.snapshots.put(snapshot('sd-a', '2026-05', 81.5, '2026-07-02T18:00:00.000Z'))
      expect(await store.snapshots.get('sd-a', '2026-05')).toEqual(snapshot('sd-a', '2026-05', 81.5, '2026-07-02T18:00:00.000Z'))
      expect(await store.snapshots.list('sd-a', ['2026-05'])).toHaveLength(1)
    })

    it('lists which of the asked periods have a snapshot, of that sub-district only', async () => {
      await store.snapshots.put(snapshot('sd-a', '2026-04', 70))
      await store.snapshots.put(snapshot('sd-a', '2026-05', 71))
      await store.snapshots.put(snapshot('sd-b', '2026-06', 72))
      expect((await store.snapshots.listTaken('sd-a', ['2026-04', '2026-05', '2026-06'])).sort()).toEqual(['2026-04', '2026-05'])
      expect(await store.snapshots.listTaken('sd-a', [])).toEqual([])
      const listed = await store.snapshots.list('sd-a', ['2026-05', '2026-06'])
      expect(listed.map((s) => [s.period, s.rows[0].total])).toEqual([['2026-05', 71]])
    })

    it('drops the snapshots of the given periods only; dropping none or a missing one changes nothing', async () => {
      await store.snapshots.put(snapshot('sd-a', '2026-04', 70))
      await store.snapshots.put(snapshot('sd-a', '2026-H1', 75))
      await store.snapshots.put(snapshot('sd-b', '2026-H1', 76))
      await store.snapshots.drop('sd-a', ['2026-H1', '2026'])
      await store.snapshots.drop('sd-a', [])
      expect(await store.snapshots.get('sd-a', '2026-H1')).toBeNull()
      expect(await store.snapshots.get('sd-a', '2026-04')).not.toBeNull()
      expect(await store.snapshots.get('sd-b', '2026-H1')).not.toBeNull()
    })
  })
}
