// The bulk path of SqliteStore, for scale seeders (npm run seed:scale: 1M ratings in well under a minute).
// One submit per rating would be 1M transactions with three tally upserts each; here every record is
// inserted by one prepared statement inside ONE transaction, and the tallies are counted in memory
// alongside and written once per (worker, period) at the end — the same numbers the submits would give.
import type Database from 'better-sqlite3'
import { periodKind } from '@core/periods'
import { type PeriodCounts, emptyCounts, rollUpMonths } from '@core/tallies'
import { recipientMonths } from '@core/recipients'
import type { SqliteRecipients } from '../../feedback/sqlite'
import { FieldMinutesBatch } from '../../fieldTime/sqlite'
import type { ActivityLoad, FeedbackRecord } from '..'
import { BUMP_TALLY, type TallyRow, tallyRowOf } from './schema'
import { ratingColumnValues } from './ratingColumns'

/** Records that are all new (see ActivityLoad): a duplicate fails the whole load, which then writes nothing. */
export type BulkLoad = ActivityLoad

export interface BulkLoadCounts {
  ratings: number
  feedback: number
  scores: number
  /** Tally rows written (created or added to). */
  tallies: number
}

/** Page cache for the load (KiB, negative as PRAGMA cache_size wants): the ratings table's B-tree fits. */
const BULK_CACHE_KIB = -512 * 1024

/** `recipients`: the tallies' groups of people who gave several feedbacks a month (backend/feedback/sqlite.ts). */
export function bulkLoad(db: Database.Database, load: BulkLoad, recipients: SqliteRecipients): BulkLoadCounts {
  const insertRating = db.prepare<unknown[]>(
    `INSERT INTO resident_ratings (id, openid, worker_code, subdistrict_id, month, level, comment, comment_status, submitted_at, exclusion, client_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertFeedback = db.prepare<unknown[]>(
    `INSERT INTO feedback (service_id, openid, worker_code, subdistrict_id, month, level, comment, comment_status, submitted_at, exclusion, client_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertScore = db.prepare<unknown[]>(
    `INSERT INTO subdistrict_scores (worker_code, period, subdistrict_id, score, entered_by, entered_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  )
  const bumpTally = db.prepare<TallyRow>(BUMP_TALLY)
  // The visits table belongs to the visit store (backend/visits/sqlite.ts), which created it.
  // So is field_sessions, of the field-time store (backend/fieldTime/sqlite.ts).
  const insertSession = db.prepare<unknown[]>(
    `INSERT INTO field_sessions (session_id, worker_code, subdistrict_id, community_id, grid, started_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  )
  const fieldMinutes = new FieldMinutesBatch(db)
  const insertVisit = db.prepare<unknown[]>(
    `INSERT INTO visits (visit_code, worker_code, subdistrict_id, community_id, type, place, note, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  )

  const run = db.transaction((): BulkLoadCounts => {
    const months = new MonthTallies()
    const counts: BulkLoadCounts = { ratings: 0, feedback: 0, scores: 0, tallies: 0 }
    for (const v of load.visits ?? []) insertVisit.run(v.visitCode, v.workerCode, v.subdistrictId, v.communityId, v.type, v.place, v.note, v.at)
    for (const f of load.fieldSessions ?? []) {
      insertSession.run(f.sessionId, f.workerCode, f.subdistrictId, f.communityId, f.grid, f.startedAt, f.endedAt)
      fieldMinutes.count(f)
    }
    // Each worker's minutes per month, as the sessions' ends would have added them.
    fieldMinutes.write()
    for (const r of load.ratings ?? []) {
      const extra = ratingColumnValues(r)
      insertRating.run(r.id, r.openid, r.workerCode, r.subdistrictId, r.month, r.level, r.comment, r.commentStatus, r.submittedAt, extra.excluded, extra.clientHash)
      // An excluded rating is stored but counts in no tally.
      if (r.excluded === undefined) months.of(r).residents[r.level - 1] += 1
      counts.ratings += 1
    }
    // Kept to count by person afterwards (the load's lists may be generators, read once).
    const counted: FeedbackRecord[] = []
    for (const f of load.feedback ?? []) {
      if (f.excluded === undefined) counted.push(f)
      const extra = ratingColumnValues(f)
      insertFeedback.run(f.serviceId, f.openid, f.workerCode, f.subdistrictId, f.month, f.level, f.comment, f.commentStatus, f.submittedAt, extra.excluded, extra.clientHash)
      counts.feedback += 1
    }
    // Feedback by person: one person counts once per worker and month (src/core/recipients.ts).
    for (const { first, counts: byPerson } of recipientMonths(counted)) {
      const month = months.of(first)
      month.recipients = byPerson.single
      month.recipientGroups = byPerson.groups
    }
    for (const s of load.scores ?? []) {
      insertScore.run(s.workerCode, s.period, s.subdistrictId, s.score, s.enteredBy, s.enteredAt)
      counts.scores += 1
      // Only monthly scores roll up into the tallies, as in putSubdistrictScore.
      if (periodKind(s.period) !== 'month') continue
      const month = months.of({ ...s, month: s.period })
      month.monthlyScoreSum += s.score
      month.monthlyScoreCount += 1
    }
    for (const { row, groups } of months.byPeriod()) {
      bumpTally.run(row)
      recipients.addGroups(row, row.period, groups)
    }
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

interface WorkerMonth {
  workerCode: string
  subdistrictId: string
  month: string
  counts: PeriodCounts
}

/** Counts per (worker, month) while loading; rolled up onto each worker's periods at the end. */
class MonthTallies {
  private readonly months = new Map<string, WorkerMonth>()
  periodCount = 0

  of(at: { workerCode: string; subdistrictId: string; month: string }): PeriodCounts {
    const key = `${at.workerCode}\u0000${at.month}`
    let entry = this.months.get(key)
    if (entry === undefined) {
      entry = { workerCode: at.workerCode, subdistrictId: at.subdistrictId, month: at.month, counts: emptyCounts() }
      this.months.set(key, entry)
    }
    return entry.counts
  }

  /** One row per (worker, period): the sums of the month counts each period is made of, and its groups. */
  byPeriod(): Array<{ row: TallyRow; groups: PeriodCounts['recipientGroups'] }> {
    const byWorker = new Map<string, WorkerMonth[]>()
    for (const entry of this.months.values()) {
      const entries = byWorker.get(entry.workerCode)
      if (entries === undefined) byWorker.set(entry.workerCode, [entry])
      else entries.push(entry)
    }
    const rows: Array<{ row: TallyRow; groups: PeriodCounts['recipientGroups'] }> = []
    for (const entries of byWorker.values()) {
      const periods = rollUpMonths(entries.map((entry) => [entry.month, entry.counts] as const))
      for (const [period, counts] of periods) rows.push({ row: tallyRowOf(entries[0], period, counts), groups: counts.recipientGroups })
    }
    this.periodCount = rows.length
    return rows
  }
}
