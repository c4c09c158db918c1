// The bulk path of SqliteStore, for scale seeders (issue 3: 1M ratings in well under a minute).
// One submit per rating would be 1M transactions with three tally upserts each; here every record is
// inserted by one prepared statement inside ONE transaction, and the tallies are counted in memory
// alongside and written once per (worker, period) at the end — the same numbers the submits would give.
import type Database from 'better-sqlite3'
import { periodKind, periodsOfMonth } from '../src/core/periods'
import type { FeedbackRecord, ResidentRatingRecord, SubdistrictScoreRecord } from '../cloudfunctions/api/src/store'
import { BUMP_TALLY, type TallyRow, tallyDelta } from './sqliteSchema'

/**
 * Records that are all new: every rating id, serviceId and (worker, period) score is not stored yet and
 * appears once. A duplicate fails the whole load (primary key), which then writes nothing: a re-rate
 * has no meaning here, as the bulk path does not read what is stored.
 */
export interface BulkLoad {
  ratings?: Iterable<ResidentRatingRecord>
  feedback?: Iterable<FeedbackRecord>
  scores?: Iterable<SubdistrictScoreRecord>
}

export interface BulkLoadCounts {
  ratings: number
  feedback: number
  scores: number
  /** Tally rows written (created or added to). */
  tallies: number
}

/** Page cache for the load (KiB, negative as PRAGMA cache_size wants): the ratings table's B-tree fits. */
const BULK_CACHE_KIB = -512 * 1024

export function bulkLoad(db: Database.Database, load: BulkLoad): BulkLoadCounts {
  const insertRating = db.prepare<unknown[]>(
    `INSERT INTO resident_ratings (id, openid, worker_code, subdistrict_id, month, level, comment, comment_status, submitted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertFeedback = db.prepare<unknown[]>(
    `INSERT INTO feedback (service_id, openid, worker_code, subdistrict_id, month, level, comment, comment_status, submitted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertScore = db.prepare<unknown[]>(
    `INSERT INTO subdistrict_scores (worker_code, period, subdistrict_id, score, entered_by, entered_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  )
  const bumpTally = db.prepare<TallyRow>(BUMP_TALLY)

  const run = db.transaction((): BulkLoadCounts => {
    const months = new MonthTallies()
    const counts: BulkLoadCounts = { ratings: 0, feedback: 0, scores: 0, tallies: 0 }
    for (const r of load.ratings ?? []) {
      insertRating.run(r.id, r.openid, r.workerCode, r.subdistrictId, r.month, r.level, r.comment, r.commentStatus, r.submittedAt)
      months.of(r).r[r.level - 1] += 1
      counts.ratings += 1
    }
    for (const f of load.feedback ?? []) {
      insertFeedback.run(f.serviceId, f.openid, f.workerCode, f.subdistrictId, f.month, f.level, f.comment, f.commentStatus, f.submittedAt)
      months.of(f).s[f.level - 1] += 1
      counts.feedback += 1
    }
    for (const s of load.scores ?? []) {
      insertScore.run(s.workerCode, s.period, s.subdistrictId, s.score, s.enteredBy, s.enteredAt)
      counts.scores += 1
      // Only monthly scores roll up into the tallies, as in putSubdistrictScore.
      if (periodKind(s.period) !== 'month') continue
      const month = months.of({ ...s, month: s.period })
      month.scoreSum += s.score
      month.scoreCount += 1
    }
    for (const row of months.byPeriod()) bumpTally.run(row)
    counts.tallies = months.periodCount
    return counts
  })

  // Only for the load: no fsync at all (a crash mid-load leaves a DATA_DIR to delete, not bad data in a
  // live one) and a page cache the whole ratings B-tree fits in.
  const synchronous = db.pragma('synchronous', { simple: true })
  const cacheSize = db.pragma('cache_size', { simple: true })
  db.pragma('synchronous = OFF')
  db.pragma(`cache_size = ${BULK_CACHE_KIB}`)
  try {
    return run()
  } finally {
    db.pragma(`synchronous = ${Number(synchronous)}`)
    db.pragma(`cache_size = ${Number(cacheSize)}`)
  }
}

interface MonthCounts {
  workerCode: string
  subdistrictId: string
  month: string
  /** Residents per level 1..5. */
  r: number[]
  /** Recipients per level 1..5. */
  s: number[]
  scoreSum: number
  scoreCount: number
}

/** Counts per (worker, month) while loading; spread over each month's three periods at the end. */
class MonthTallies {
  private readonly months = new Map<string, MonthCounts>()
  periodCount = 0

  of(at: { workerCode: string; subdistrictId: string; month: string }): MonthCounts {
    const key = `${at.workerCode}\u0000${at.month}`
    let counts = this.months.get(key)
    if (counts === undefined) {
      counts = { workerCode: at.workerCode, subdistrictId: at.subdistrictId, month: at.month, r: [0, 0, 0, 0, 0], s: [0, 0, 0, 0, 0], scoreSum: 0, scoreCount: 0 }
      this.months.set(key, counts)
    }
    return counts
  }

  /** One row per (worker, period): the sums of the month counts each period is made of. */
  byPeriod(): TallyRow[] {
    const rows = new Map<string, TallyRow>()
    for (const m of this.months.values()) {
      for (const period of periodsOfMonth(m.month)) {
        const key = `${m.workerCode}\u0000${period}`
        const row = rows.get(key) ?? tallyDelta(m, period, {})
        rows.set(key, addMonth(row, m))
      }
    }
    this.periodCount = rows.size
    return [...rows.values()]
  }
}

/** The row plus one month's counts (index 0 is level 1). */
function addMonth(row: TallyRow, m: MonthCounts): TallyRow {
  const [r, s] = [m.r, m.s]
  return {
    ...row,
    r1: row.r1 + r[0],
    r2: row.r2 + r[1],
    r3: row.r3 + r[2],
    r4: row.r4 + r[3],
    r5: row.r5 + r[4],
    s1: row.s1 + s[0],
    s2: row.s2 + s[1],
    s3: row.s3 + s[2],
    s4: row.s4 + s[3],
    s5: row.s5 + s[4],
    monthlyScoreSum: row.monthlyScoreSum + m.scoreSum,
    monthlyScoreCount: row.monthlyScoreCount + m.scoreCount,
  }
}
