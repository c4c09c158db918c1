// org.uploadPath through dispatch over SQLite (the Store's rate-limit counters, as in the cloud): 20 paths
// a caller and China day, a new day starting again at 00:00 China time (16:00 UTC); a path whose record
// cannot be written counts nothing; the local runtime, whose uploads need no path, answers 400. The
// built function on the real SDK: test/cloud/filesUploads.test.ts.
import type { FileStorage } from '@backend/context'
import { setUpEnvironment } from '@backend/setup/setup'
import { seedDemo } from '@backend/demo/seed'
import { SqliteStore } from '@backend/store/sqlite/sqliteStore'
import { callerOn } from './support/demoCaller'
import { memoryFiles } from './support/rosterFile'
import { testSecrets } from './support/secrets'

const BUREAU = 'dev-bureau'
/** 23:59 China time on 10 July 2026, and the next China day's first minute. */
const LATE = new Date('2026-07-10T15:59:00Z')
const NEXT_DAY = new Date('2026-07-10T16:00:00Z')

let store: SqliteStore
let issued: string[]
let failNext: boolean
/** A FileStorage that answers paths, as the cloud's does, and can fail to record one. */
const files: FileStorage = {
  ...memoryFiles(),
  async issueUpload(uploader) {
    if (failNext) {
      failNext = false
      throw new Error('record write failed')
    }
    issued.push(uploader)
    return `rosters/${issued.length}.xlsx`
  },
}
beforeEach(async () => {
  store = new SqliteStore(':memory:')
  await setUpEnvironment(store, LATE, { demo: seedDemo }, testSecrets)
  issued = []
  failNext = false
})
afterEach(() => store.close())

const ask = (now: Date, storage: FileStorage = files, openid: string = BUREAU) =>
  callerOn(store, { now, files: storage }).call('org.uploadPath', {}, openid)

it('answers 20 paths a China day; the 21st is 429, issuing nothing; at 00:00 China time there are 20 again', async () => {
  for (let i = 1; i <= 20; i += 1) expect(await ask(LATE)).toEqual({ ok: true, data: { cloudPath: `rosters/${i}.xlsx` } })
  expect(await ask(LATE)).toEqual({ ok: false, code: 'RATE_LIMITED', message: '今天已上传 20 个文件（每人每天最多 20 个），请明天再上传，或先导入已上传的文件' })
  expect(issued).toHaveLength(20)
  expect(await ask(NEXT_DAY)).toEqual({ ok: true, data: { cloudPath: 'rosters/21.xlsx' } })
})

it('counts nothing for a path whose record could not be written', async () => {
  for (let i = 0; i < 19; i += 1) await ask(LATE)
  failNext = true
  expect(await ask(LATE)).toMatchObject({ ok: false, code: 'INTERNAL' })
  // The failed one gave its count back: the 20th still fits.
  expect(await ask(LATE)).toEqual({ ok: true, data: { cloudPath: 'rosters/20.xlsx' } })
  expect(await ask(LATE)).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
})

it('answers 400 where uploads need no path (the local runtime), counting nothing', async () => {
  expect(await ask(LATE, memoryFiles())).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  for (let i = 1; i <= 20; i += 1) expect(await ask(LATE)).toMatchObject({ ok: true })
})
