// The residents' tallies a local runtime stored, and the same tallies recounted from its stored ratings,
// read straight from a DATA_DIR's SQLite file (a second, read-only connection; WAL lets it see every
// commit). Each: `${workerCode}|${period}` → [n1..n5] for every month, half-year and year with a rating.
import Database from 'better-sqlite3'
import { periodsOfMonth } from '../../src/core/periods'

type Histograms = Map<string, number[]>

export interface SqliteTallies {
  stored: Histograms
  recount: Histograms
  ratings: Array<{ id: string; workerCode: string; month: string; level: number }>
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
    return { stored, recount, ratings }
  } finally {
    db.close()
  }
}
