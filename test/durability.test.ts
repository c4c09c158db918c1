// Durability of the local runtime, which loses no acknowledged rating: the BUILT runtime on a DATA_DIR
// takes ratings from many raters at once over HTTP, is killed with SIGKILL midway (no shutdown,
// requests in flight), and restarts on the same DATA_DIR. Every rating that was acknowledged (200 ok) is stored, every tally
// equals a recount of the stored ratings, and a retry of an acknowledged submit still gets its first reply.
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { residentRatingId } from '@backend/store/ids'
import { monthOf } from '@core/index'
import { callApi, startLocalRuntime } from './support/localRuntime'
import { sqliteTallies } from './support/sqliteRecount'

jest.setTimeout(60_000)

// The demo's 银泉社区 workers; rater i rates worker i mod 18 with level (i mod 5) + 1.
const WORKERS = Array.from({ length: 18 }, (_, k) => `YQ${String(k + 1).padStart(2, '0')}`)
const RATERS = 600
const SENDERS = 24
const KILL_AFTER = 150
const submitOf = (i: number) => ({ workerCode: WORKERS[i % WORKERS.length] as string, level: (i % 5) + 1, idempotencyKey: `durable-key-${String(i).padStart(4, '0')}` })
const raterOf = (i: number) => `o-durable-${i}`

let dataDir: string
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'community-3456-durable-'))
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

it('keeps every acknowledged rating and consistent tallies across a SIGKILL midway', async () => {
  const first = await startLocalRuntime({ DATA_DIR: dataDir })
  const acknowledged = new Map<number, unknown>()
  let next = 0
  let killing: Promise<void> | null = null
  // SENDERS raters at a time, each sender taking the next rater as soon as its last one is answered.
  const sender = async () => {
    while (next < RATERS && killing === null) {
      const i = next++
      const reply = await callApi(first.url, 'rating.submit', submitOf(i), raterOf(i)).catch(() => null)
      if (reply?.status === 200 && (reply.json as { ok?: boolean }).ok === true) acknowledged.set(i, reply.json)
      if (acknowledged.size >= KILL_AFTER && killing === null) killing = first.crash()
    }
  }
  await Promise.all(Array.from({ length: SENDERS }, sender))
  await killing
  // Killed midway: some were acknowledged, and some of the raters never got an answer.
  expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER)
  expect(acknowledged.size).toBeLessThan(RATERS)

  // What the kill left: cases still due (queued, not written) when the note is there.
  const file = path.join(dataDir, 'community-3456.db')
  const dueAtKill = withDb(file, (db) => db.prepare('SELECT since FROM cases_due').pluck().get() ?? null)

  const second = await startLocalRuntime({ DATA_DIR: dataDir })
  try {
    const month = monthOf(new Date())
    const { stored, recount, ratings, recipientsStored, recipientsRecount } = sqliteTallies(path.join(dataDir, 'community-3456.db'))
    const storedIds = new Set(ratings.map((rating) => rating.id))
    const lost = [...acknowledged.keys()].filter((i) => !storedIds.has(residentRatingId(raterOf(i), submitOf(i).workerCode, month)))
    expect(lost).toEqual([])
    // The demo's earlier months and this test's ratings alike: every tally equals the recount.
    expect(stored).toEqual(recount)
    // The demo's feedback, each person counted once per worker and month.
    expect(recipientsStored).toEqual(recipientsRecount)
    // Every acknowledged bad rating has its case, once, with one opening entry; the others have none.
    const bad = [...acknowledged.keys()].filter((i) => submitOf(i).level <= 2).map((i) => residentRatingId(raterOf(i), submitOf(i).workerCode, month))
    const { caseRatings, openings } = withDb(file, (db) => ({
      caseRatings: db.prepare<[], string>("SELECT json_extract(json, '$.ref.id') FROM cases").pluck().all(),
      openings: db.prepare<[], number>("SELECT count(*) FROM audit WHERE action = 'case.open'").pluck().get(),
    }))
    expect(bad.filter((id) => !caseRatings.includes(id))).toEqual([])
    expect(new Set(caseRatings).size).toBe(caseRatings.length)
    expect(openings).toBe(caseRatings.length)
    const levels = new Map(ratings.map((rating) => [rating.id, rating.level]))
    expect(caseRatings.filter((id) => (levels.get(id) ?? 0) > 2)).toEqual([])
    if (dueAtKill !== null) expect(second.output()).toMatch(/已补开 \d+ 件上次运行未及写入的差评回访/)
    // An acknowledged submit retried after the restart (same key) gets its first reply and changes nothing.
    const [i, reply] = [...acknowledged][0] as [number, unknown]
    expect((await callApi(second.url, 'rating.submit', { ...submitOf(i), level: 1 }, raterOf(i))).json).toEqual(reply)
    expect(sqliteTallies(path.join(dataDir, 'community-3456.db')).stored).toEqual(stored)
  } finally {
    await second.stop()
  }
})

/** A connection of the test's own, closed after use (the first one after the kill recovers the WAL). */
function withDb<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { fileMustExist: true })
  try {
    return read(db)
  } finally {
    db.close()
  }
}
