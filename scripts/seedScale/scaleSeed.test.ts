// The scale seeder at a small size: 40 workers in two sub-districts (15 + 25), 2,000 ratings over 2025.
// Its tallies must be exactly what a recount of the stored ratings, feedback and scores gives, and the
// seeded city must evaluate through the same handlers as everything else.
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dispatch } from '@backend/door'
import { apiHandlers } from '@backend/handlers'
import type { TallyRecord } from '@backend/store'
import type { ResultOf } from '@core/contract'
import { periodsOfMonth } from '@core/periods'
import type { LevelHistogram } from '@core/types'
import { SqliteStore } from '@backend/store/sqlite/sqliteStore'
import { apportion } from './scaleActivity'
import { type ScaleSeedResult, scaleSeed, subdistrictSizesFor } from './scaleSeed'
import { localCodeImages } from '../../server/localCodeImages'
import { fixedSecrets, newSecrets } from '@backend/secrets/secrets'

const PERIODS = [...Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`), '2025-H1', '2025-H2', '2025']
const dirs: string[] = []
const newDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'community-3456-scale-'))
  dirs.push(dir)
  return dir
}
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

let dataDir: string
let seeded: ScaleSeedResult
beforeAll(async () => {
  dataDir = newDir()
  seeded = await scaleSeed({ dataDir, workers: 40, ratings: 2000, year: 2025, subdistrictSizes: [15, 25] })
})

describe('the city layout', () => {
  it('puts 300 workers in the first sub-district and splits the rest into ~350s', () => {
    expect(subdistrictSizesFor(1000)).toEqual([300, 350, 350])
    expect(subdistrictSizesFor(300)).toEqual([300])
    // 1300 - 300 = 1000 in round(1000 / 350) = 3 parts: 334, 333, 333
    expect(subdistrictSizesFor(1300)).toEqual([300, 334, 333, 333])
  })

  it('apportions a total exactly, in proportion to the weights', () => {
    // 10 in proportion 1 : 1 : 2 → 2.5, 2.5, 5 → cumulative rounding 3, 2, 5 (the parts add up to 10)
    expect(apportion(10, [1, 1, 2])).toEqual([3, 2, 5])
    expect(apportion(0, [1, 2])).toEqual([0, 0])
  })
})

describe('scaleSeed', () => {
  it('seeds what it was asked for: 2,000 ratings, a fifth as much feedback, a score for every worker and month', () => {
    expect(seeded).toMatchObject({ ratings: 2000, feedback: 400, scores: 40 * 12, bureauOpenid: 'scale-bureau' })
    expect(seeded.subdistricts).toEqual([
      { id: 'S01', workers: 15, staffOpenid: 'scale-subdistrict-S01' },
      { id: 'S02', workers: 25, staffOpenid: 'scale-subdistrict-S02' },
    ])
    // every worker has a score every month, so all 15 tallies of 2025 (12 months, 2 halves, the year)
    expect(seeded.tallies).toBe(40 * 15)
    // a visit behind every feedback; 2025 has 261 weekdays (from a Wednesday: 52 weeks and a day), each
    // with a morning and an afternoon (a day is at least 0.5 x 0.85 x 480 = 204 minutes, past the 180 of a morning)
    expect(seeded.visits).toBe(400)
    expect(seeded.fieldSessions).toBe(40 * 261 * 2)
    // a hall rota for every community and month: S01's 15 workers make one community, S02's 25 two (13 + 12)
    expect(seeded.hallRotas).toBe(3 * 12)
  })

  it("gives each worker's year report a grid time of 0.5-0.8 of the working day, give or take 15%", async () => {
    const store = SqliteStore.openDir(dataDir)
    const env = { openid: seeded.bureauOpenid, store, now: new Date('2026-01-15T02:00:00Z'), moderation: { check: async () => 'pass' as const }, codeImages: localCodeImages(() => 'http://127.0.0.1:10086'), secrets: fixedSecrets(newSecrets()) }
    const reply = await dispatch({ action: 'report.get', payload: { kind: 'year', period: '2025', subdistrictId: 'S01' } }, env, apiHandlers)
    store.close()
    const { rows } = (reply as { data: ResultOf<'report.get'> }).data
    expect(rows).toHaveLength(15)
    // a share 0.5..0.8 of each day, times 0.85..1.15 day by day: every year's ratio within 0.425..0.92
    expect(rows.every((row) => row.gridTimeRatio !== null && row.gridTimeRatio >= 0.425 && row.gridTimeRatio <= 0.92)).toBe(true)
    // the hall's 4 a day over 261 working days: 1,044 duties dealt round S01's 15 from its first worker,
    // 69 × 15 + 9 — the first 9 workers 70 days, the other 6 69
    const hallDays = [...rows].sort((a, b) => (a.workerCode < b.workerCode ? -1 : 1)).map((row) => row.hallDays)
    expect(hallDays).toEqual([...Array<number>(9).fill(70), ...Array<number>(6).fill(69)])
  })

  it('writes tallies equal to a recount of the stored ratings, feedback and monthly scores', async () => {
    const db = new Database(join(dataDir, 'community-3456.db'), { readonly: true })
    const recount = new Map<string, TallyRecord>()
    const tallyOf = (at: { workerCode: string; subdistrictId: string }, period: string): TallyRecord => {
      const key = `${at.workerCode}|${period}`
      let tally = recount.get(key)
      if (tally === undefined) {
        const none: [number, number, number, number, number] = [0, 0, 0, 0, 0]
        tally = { workerCode: at.workerCode, subdistrictId: at.subdistrictId, period, residents: [...none], recipients: [...none], monthlyScoreSum: 0, monthlyScoreCount: 0 }
        recount.set(key, tally)
      }
      return tally
    }
    const columns = 'worker_code AS workerCode, subdistrict_id AS subdistrictId'
    type Row = { workerCode: string; subdistrictId: string; month: string; level: number }
    for (const r of db.prepare<[], Row>(`SELECT ${columns}, month, level FROM resident_ratings WHERE exclusion IS NULL`).all()) {
      for (const period of periodsOfMonth(r.month)) tallyOf(r, period).residents[r.level - 1] += 1
    }
    // Feedback by person: each person's levels on a worker in a month count in the singles (one feedback) or the group of k.
    const people = new Map<string, Row & { levels: number[] }>()
    for (const f of db.prepare<[], Row & { openid: string }>(`SELECT ${columns}, month, level, openid FROM feedback WHERE exclusion IS NULL`).all()) {
      const key = `${f.openid}|${f.workerCode}|${f.month}`
      const person = people.get(key) ?? { ...f, levels: [0, 0, 0, 0, 0] }
      person.levels[f.level - 1] += 1
      people.set(key, person)
    }
    for (const person of people.values()) {
      const k = person.levels.reduce((a, b) => a + b, 0)
      for (const period of periodsOfMonth(person.month)) {
        const tally = tallyOf(person, period)
        if (k > 1) tally.recipientGroups = { ...tally.recipientGroups, [k]: (tally.recipientGroups?.[k] ?? [0, 0, 0, 0, 0]).map((n, i) => n + person.levels[i]) as LevelHistogram }
        else person.levels.forEach((n, i) => (tally.recipients[i] += n))
      }
    }
    type Score = { workerCode: string; subdistrictId: string; period: string; score: number }
    for (const s of db.prepare<[], Score>(`SELECT ${columns}, period, score FROM subdistrict_scores`).all()) {
      for (const period of periodsOfMonth(s.period)) {
        tallyOf(s, period).monthlyScoreSum += s.score
        tallyOf(s, period).monthlyScoreCount += 1
      }
    }
    db.close()

    const store = SqliteStore.openDir(dataDir)
    const tallies: TallyRecord[] = [...(await store.listTallies('S01', PERIODS)), ...(await store.listTallies('S02', PERIODS))]
    store.close()
    const sorted = (list: TallyRecord[]) => [...list].sort((a, b) => (a.workerCode + a.period < b.workerCode + b.period ? -1 : 1))
    expect(sorted(tallies)).toEqual(sorted([...recount.values()]))
    // by hand: the year tallies hold every rating and feedback once, and 12 monthly scores per worker
    const years = tallies.filter((t) => t.period === '2025')
    const total = (pick: (t: TallyRecord) => number) => years.reduce((sum, t) => sum + pick(t), 0)
    expect(total((t) => t.residents.reduce((a, b) => a + b, 0))).toBe(2000)
    // every feedback once: among the singles, or in the group of its person's k feedbacks that month
    const sizeOf = (h: number[]) => h.reduce((a, b) => a + b, 0)
    expect(total((t) => sizeOf(t.recipients) + Object.values(t.recipientGroups ?? {}).reduce((sum, h) => sum + sizeOf(h), 0))).toBe(400)
    expect(years.every((t) => t.monthlyScoreCount === 12)).toBe(true)
  })

  it('evaluates through the handlers: the bureau sees each sub-district, at most 20% of it 优秀', async () => {
    const store = SqliteStore.openDir(dataDir)
    const env = { openid: seeded.bureauOpenid, store, now: new Date('2026-01-15T02:00:00Z'), moderation: { check: async () => 'pass' as const }, codeImages: localCodeImages(() => 'http://127.0.0.1:10086'), secrets: fixedSecrets(newSecrets()) }
    for (const { id, workers } of seeded.subdistricts) {
      const reply = await dispatch({ action: 'evaluation.get', payload: { period: '2025', subdistrictId: id } }, env, apiHandlers)
      expect(reply.ok).toBe(true)
      const { rows } = (reply as { data: ResultOf<'evaluation.get'> }).data
      expect(rows).toHaveLength(workers)
      // every worker has 12 monthly scores, so D is never missing; S01: floor(0.2 x 15) = 3, S02: floor(0.2 x 25) = 5
      expect(rows.every((row) => row.subdistrict !== null && row.total !== null)).toBe(true)
      expect(rows.filter((row) => row.grade === '优秀').length).toBeLessThanOrEqual(Math.floor(0.2 * workers))
    }
    store.close()
  })

  it('is the same city every time (a seeded PRNG) and refuses a DATA_DIR that already holds data', async () => {
    const again = newDir()
    await scaleSeed({ dataDir: again, workers: 40, ratings: 2000, year: 2025, subdistrictSizes: [15, 25] })
    const [first, second] = [SqliteStore.openDir(dataDir), SqliteStore.openDir(again)]
    expect(await second.listTallies('S02', PERIODS)).toEqual(await first.listTallies('S02', PERIODS))
    first.close()
    second.close()
    await expect(scaleSeed({ dataDir, workers: 40, ratings: 10, year: 2025 })).rejects.toThrow(/already holds data/)
  })
})
