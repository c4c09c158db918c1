// The residents' tallies a local runtime stored, and the same tallies recounted from its stored ratings,
// read straight from a DATA_DIR's SQLite file (a second, read-only connection; WAL lets it see every
// commit). Each: `${workerCode}|${period}` → [n1..n5] for every month, half-year and year with a rating.
// The recipients' side likewise, counted by person (one person counts once per worker and month):
// `${workerCode}|${period}` → { single: the people with one feedback, groups: { k: the levels of those with k } }.
import Database from 'better-sqlite3'
import { periodsOfMonth } from '@core/periods'

type Histograms = Map<string, number[]>
type RecipientTallies = Map<string, { single: number[]; groups: Record<number, number[]> }>

export interface SqliteTallies {
  stored: Histograms
  recount: Histograms
  ratings: Array<{ id: string; workerCode: string; month: string; level: number }>
  recipientsStored: RecipientTallies
  recipientsRecount: RecipientTallies
}

export function sqliteTallies(file: string): SqliteTallies {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const ratings = db.prepare('SELECT id, worker_code AS workerCode, month, level FROM resident_ratings WHERE exclusion IS NULL').all() as SqliteTallies['ratings']
    const rows = db.prepare('SELECT worker_code AS workerCode, period, r1, r2, r3, r4, r5 FROM tallies').all() as Array<{ workerCode: string; period: string } & Record<'r1' | 'r2' | 'r3' | 'r4' | 'r5', number>>
    const stored: Histograms = new Map()
    for (const row of rows) {
      const counts = [row.r1, row.r2, row.r3, row.r4, row.r5]
      if (counts.some((n) => n !== 0)) stored.set(`${row.workerCode}|${row.period}`, counts)
    }
    const recount: Histograms = new Map()
    for (const rating of ratings) {
      for (const period of periodsOfMonth(rating.month)) {
        const key = `${rating.workerCode}|${period}`
        const counts = recount.get(key) ?? [0, 0, 0, 0, 0]
        counts[rating.level - 1] += 1
        recount.set(key, counts)
      }
    }
    return { stored, recount, ratings, ...recipientTallies(db) }
  } finally {
    db.close()
  }
}

function recipientTallies(db: Database.Database): Pick<SqliteTallies, 'recipientsStored' | 'recipientsRecount'> {
  const entry = (map: RecipientTallies, key: string) => {
    const found = map.get(key) ?? { single: [0, 0, 0, 0, 0], groups: {} }
    map.set(key, found)
    return found
  }
  const recipientsStored: RecipientTallies = new Map()
  type Single = { workerCode: string; period: string } & Record<'s1' | 's2' | 's3' | 's4' | 's5', number>
  for (const row of db.prepare('SELECT worker_code AS workerCode, period, s1, s2, s3, s4, s5 FROM tallies').all() as Single[]) {
    const single = [row.s1, row.s2, row.s3, row.s4, row.s5]
    if (single.some((n) => n !== 0)) entry(recipientsStored, `${row.workerCode}|${row.period}`).single = single
  }
  type Group = { workerCode: string; period: string; size: number } & Record<'g1' | 'g2' | 'g3' | 'g4' | 'g5', number>
  for (const row of db.prepare('SELECT worker_code AS workerCode, period, size, g1, g2, g3, g4, g5 FROM tally_recipient_groups').all() as Group[]) {
    entry(recipientsStored, `${row.workerCode}|${row.period}`).groups[row.size] = [row.g1, row.g2, row.g3, row.g4, row.g5]
  }
  // Each person's levels on a worker in a month, then where they count: the singles or the group of k.
  const people = new Map<string, { workerCode: string; month: string; levels: number[] }>()
  type Feedback = { openid: string; workerCode: string; month: string; level: number }
  for (const f of db.prepare('SELECT openid, worker_code AS workerCode, month, level FROM feedback WHERE exclusion IS NULL').all() as Feedback[]) {
    const key = `${f.openid}|${f.workerCode}|${f.month}`
    const person = people.get(key) ?? { workerCode: f.workerCode, month: f.month, levels: [0, 0, 0, 0, 0] }
    person.levels[f.level - 1] += 1
    people.set(key, person)
  }
  const recipientsRecount: RecipientTallies = new Map()
  for (const { workerCode, month, levels } of people.values()) {
    const k = levels.reduce((a, b) => a + b, 0)
    for (const period of periodsOfMonth(month)) {
      const tally = entry(recipientsRecount, `${workerCode}|${period}`)
      const into = k === 1 ? tally.single : (tally.groups[k] = tally.groups[k] ?? [0, 0, 0, 0, 0])
      levels.forEach((n, i) => (into[i] += n))
    }
  }
  return { recipientsStored, recipientsRecount }
}
