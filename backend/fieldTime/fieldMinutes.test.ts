// The minutes per worker and month that reports read (test/storeContracts/fieldTime.ts holds the rule on
// both stores); here, data written before they were kept: a DATA_DIR from before `field_minutes` counts its
// logged sessions when it opens, and a cloud field state without `minutes` is counted from its worker's
// sessions when read, and rebuilt whole by the worker's next end. And a cloud load's minutes, added again
// (a setup continued after a timeout), count once.
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CloudbaseEmulator } from '../../test/cloudbase/emulator'
import { createSdkDatabase } from '../../test/cloudbase/realSdk'
import { openSession } from '../../test/storeContracts/fieldTime'
import { SID, orgOf } from '../../test/storeContract'
import type { Store } from '../store'
import { COLLECTION_NAMES } from '../store/cloudbase/collections'
import { CloudStore } from '../store/cloudbase/cloudStore'
import { fieldStateId } from '../store/ids'
import { addLoadedMinutes } from './minutesCloudbase'
import { SqliteStore } from '../store/sqlite/sqliteStore'

/** W0001: 10 March 00:30 → 06:00 UTC, 330 minutes of March. */
async function logMarch(store: Store): Promise<void> {
  await store.fieldTime.startSession(openSession('s1', 'W0001', '2026-03-10T00:30:00.000Z'))
  await store.fieldTime.endSession('W0001', 's1', '2026-03-10T06:00:00.000Z')
}

it('counts the logged sessions of a DATA_DIR made before the minutes were kept, once, when it opens', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'community-3456-minutes-'))
  try {
    const file = join(dir, 'db.sqlite')
    const before = new SqliteStore(file)
    await before.putOrg(orgOf(SID, 2))
    await logMarch(before)
    before.close()
    const raw = new Database(file)
    raw.exec('DROP TABLE field_minutes')
    raw.close()

    const reopened = new SqliteStore(file)
    expect(Object.fromEntries(await reopened.fieldTime.minutesLogged(['W0001'], ['2026-03']))).toEqual({ W0001: 330 })
    reopened.close()
    // Opened again, the table is there: nothing is counted twice.
    const again = new SqliteStore(file)
    expect(Object.fromEntries(await again.fieldTime.minutesLogged(['W0001'], ['2026-03']))).toEqual({ W0001: 330 })
    again.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

it("reads a cloud field state without minutes from its worker's sessions, and the next end rebuilds them whole", async () => {
  const emulator = new CloudbaseEmulator({ collections: COLLECTION_NAMES })
  const db = createSdkDatabase(emulator)
  const store = new CloudStore(db)
  await store.putOrg(orgOf(SID, 2))
  await logMarch(store)
  // As a state written before the minutes were kept.
  const state = db.collection('field_states').doc(fieldStateId('W0001'))
  const { workerCode, lastEndedAt, version } = (await state.get()).data ?? { workerCode: '', lastEndedAt: '', version: 0 }
  await state.set({ data: { workerCode, lastEndedAt, version } })
  expect(emulator.document('field_states', fieldStateId('W0001'))?.minutes).toBeUndefined()
  expect(Object.fromEntries(await store.fieldTime.minutesLogged(['W0001', 'W0002'], ['2026-03']))).toEqual({ W0001: 330, W0002: 0 })

  // s2 11 March 01:00 → 02:30 UTC: 90 more minutes of March; the state now holds both sessions.
  await store.fieldTime.startSession(openSession('s2', 'W0001', '2026-03-11T01:00:00.000Z'))
  await store.fieldTime.endSession('W0001', 's2', '2026-03-11T02:30:00.000Z')
  expect(emulator.document('field_states', fieldStateId('W0001'))?.minutes).toEqual({ m202603: 420 })
  expect(Object.fromEntries(await store.fieldTime.minutesLogged(['W0001'], ['2026-03']))).toEqual({ W0001: 420 })
  emulator.dispose()
})

it('counts the minutes of a cloud load once when the load adds them again', async () => {
  const emulator = new CloudbaseEmulator({ collections: COLLECTION_NAMES })
  const db = createSdkDatabase(emulator)
  const store = new CloudStore(db)
  await store.putOrg(orgOf(SID, 2))
  await logMarch(store)
  // Loaded: W0001 60 minutes of February (10 Feb 01:00 → 02:00 UTC), W0002 45 (01:00 → 01:45).
  const loaded = [
    { ...openSession('l1', 'W0001', '2026-02-10T01:00:00.000Z'), endedAt: '2026-02-10T02:00:00.000Z' },
    { ...openSession('l2', 'W0002', '2026-02-10T01:00:00.000Z'), endedAt: '2026-02-10T01:45:00.000Z' },
  ]
  await store.loadActivity({ fieldSessions: loaded })
  await addLoadedMinutes(db, loaded)
  expect(Object.fromEntries(await store.fieldTime.minutesLogged(['W0001', 'W0002'], ['2026-02', '2026-03']))).toEqual({ W0001: 60 + 330, W0002: 45 })
  expect(emulator.document('field_states', fieldStateId('W0002'))).toMatchObject({ lastEndedAt: '2026-02-10T01:45:00.000Z', minutes: { m202602: 45 } })
  emulator.dispose()
})
