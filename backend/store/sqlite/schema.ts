// SQLite schema of the local runtime and the mapping between rows and Store records.
// Created on open (IF NOT EXISTS), so a fresh DATA_DIR needs no migration step.
import type Database from 'better-sqlite3'
import type { PeriodCounts } from '@core/tallies'
import type { PrincipalRecord, TallyRecord } from '..'

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS subdistricts (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS communities (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  subdistrict_id TEXT NOT NULL REFERENCES subdistricts (id)
);
CREATE INDEX IF NOT EXISTS communities_by_subdistrict ON communities (subdistrict_id);
CREATE TABLE IF NOT EXISTS grids (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  community_id TEXT NOT NULL REFERENCES communities (id),
  households INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS posts (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  duties TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS workers (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  post_id TEXT NOT NULL REFERENCES posts (id),
  community_id TEXT NOT NULL REFERENCES communities (id),
  grid_id TEXT NOT NULL REFERENCES grids (id),
  subdistrict_id TEXT NOT NULL REFERENCES subdistricts (id)
);
CREATE INDEX IF NOT EXISTS workers_by_subdistrict ON workers (subdistrict_id);
CREATE TABLE IF NOT EXISTS principals (
  openid TEXT PRIMARY KEY,
  role TEXT NOT NULL,
  name TEXT NOT NULL,
  worker_code TEXT REFERENCES workers (code),
  community_id TEXT,
  subdistrict_id TEXT
);
-- One row per (rater, worker, month): the id is residentRatingId(openid, workerCode, month). Rowid
-- tables, as cases: a random id would put every row on a random page (rowidTables.ts).
CREATE TABLE IF NOT EXISTS resident_ratings (
  id TEXT PRIMARY KEY NOT NULL,
  openid TEXT NOT NULL,
  worker_code TEXT NOT NULL REFERENCES workers (code),
  subdistrict_id TEXT NOT NULL,
  month TEXT NOT NULL,
  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  comment TEXT NOT NULL,
  comment_status TEXT NOT NULL,
  submitted_at TEXT NOT NULL
);
-- One row per service visit.
CREATE TABLE IF NOT EXISTS feedback (
  service_id TEXT PRIMARY KEY NOT NULL,
  openid TEXT NOT NULL,
  worker_code TEXT NOT NULL REFERENCES workers (code),
  subdistrict_id TEXT NOT NULL,
  month TEXT NOT NULL,
  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  comment TEXT NOT NULL,
  comment_status TEXT NOT NULL,
  submitted_at TEXT NOT NULL
);
-- One row per (worker, period key) for the month, half-year and year of every rating, feedback and
-- monthly score, kept in step with them in the same transaction; an evaluation reads only the rows of
-- its own period. r1..r5: resident ratings per level; s1..s5: service-recipient feedback per level;
-- monthly_score_sum/count: the monthly sub-district scores entered for the period's months.
CREATE TABLE IF NOT EXISTS tallies (
  worker_code TEXT NOT NULL,
  period TEXT NOT NULL,
  subdistrict_id TEXT NOT NULL,
  r1 INTEGER NOT NULL CHECK (r1 >= 0),
  r2 INTEGER NOT NULL CHECK (r2 >= 0),
  r3 INTEGER NOT NULL CHECK (r3 >= 0),
  r4 INTEGER NOT NULL CHECK (r4 >= 0),
  r5 INTEGER NOT NULL CHECK (r5 >= 0),
  s1 INTEGER NOT NULL CHECK (s1 >= 0),
  s2 INTEGER NOT NULL CHECK (s2 >= 0),
  s3 INTEGER NOT NULL CHECK (s3 >= 0),
  s4 INTEGER NOT NULL CHECK (s4 >= 0),
  s5 INTEGER NOT NULL CHECK (s5 >= 0),
  monthly_score_sum REAL NOT NULL,
  monthly_score_count INTEGER NOT NULL CHECK (monthly_score_count >= 0),
  PRIMARY KEY (worker_code, period)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS tallies_by_subdistrict_period ON tallies (subdistrict_id, period);
CREATE TABLE IF NOT EXISTS subdistrict_scores (
  worker_code TEXT NOT NULL,
  period TEXT NOT NULL,
  subdistrict_id TEXT NOT NULL,
  score REAL NOT NULL,
  entered_by TEXT NOT NULL,
  entered_at TEXT NOT NULL,
  PRIMARY KEY (worker_code, period)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS scores_by_subdistrict_period ON subdistrict_scores (subdistrict_id, period);
CREATE TABLE IF NOT EXISTS idempotency (
  key TEXT PRIMARY KEY,
  result TEXT NOT NULL,
  created_at TEXT NOT NULL
) WITHOUT ROWID;
`

/**
 * A DATA_DIR made before tallies were kept per period (one row per worker, month and party) cannot be
 * read by this version; nothing was deployed with it, so it is not migrated: say so instead of failing
 * on the first statement with "no such column".
 */
export function assertCurrentSchema(db: Database.Database): void {
  const columns = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('tallies')").all()
  if (columns.length > 0 && !columns.some((column) => column.name === 'period')) {
    throw new Error(
      `数据目录 ${db.name} 由旧版本创建（评价汇总表结构已变），请删除它后重新启动，会自动写入新的演示数据。` +
        ` The database was made by an older version (tallies per month and party); delete it and start again.`,
    )
  }
}

/** Optional fields are NULL columns; the record leaves them out rather than carrying nulls. */
export interface PrincipalRow {
  openid: string
  role: PrincipalRecord['role']
  name: string
  workerCode: string | null
  communityId: string | null
  subdistrictId: string | null
}

export function principalRow(p: PrincipalRecord): PrincipalRow {
  return {
    openid: p.openid,
    role: p.role,
    name: p.name,
    workerCode: p.workerCode ?? null,
    communityId: p.communityId ?? null,
    subdistrictId: p.subdistrictId ?? null,
  }
}

export function principalOf(row: PrincipalRow): PrincipalRecord {
  const p: PrincipalRecord = { openid: row.openid, role: row.role, name: row.name }
  if (row.workerCode !== null) p.workerCode = row.workerCode
  if (row.communityId !== null) p.communityId = row.communityId
  if (row.subdistrictId !== null) p.subdistrictId = row.subdistrictId
  return p
}

/** A tally row, or a change to one (the same columns as deltas). */
export interface TallyRow {
  workerCode: string
  period: string
  subdistrictId: string
  r1: number
  r2: number
  r3: number
  r4: number
  r5: number
  s1: number
  s2: number
  s3: number
  s4: number
  s5: number
  monthlyScoreSum: number
  monthlyScoreCount: number
}

/**
 * Adds a change to a period's tally, creating the row with it on the first change. Only for changes
 * that add (negative level deltas would fail the n >= 0 CHECKs, which SQLite checks on the proposed
 * insert row before it sees the conflict).
 */
export const BUMP_TALLY = `INSERT INTO tallies (worker_code, period, subdistrict_id, r1, r2, r3, r4, r5, s1, s2, s3, s4, s5,
    monthly_score_sum, monthly_score_count)
  VALUES (@workerCode, @period, @subdistrictId, @r1, @r2, @r3, @r4, @r5, @s1, @s2, @s3, @s4, @s5,
    @monthlyScoreSum, @monthlyScoreCount)
  ON CONFLICT (worker_code, period) DO UPDATE SET r1 = r1 + excluded.r1, r2 = r2 + excluded.r2, r3 = r3 + excluded.r3,
    r4 = r4 + excluded.r4, r5 = r5 + excluded.r5, s1 = s1 + excluded.s1, s2 = s2 + excluded.s2, s3 = s3 + excluded.s3,
    s4 = s4 + excluded.s4, s5 = s5 + excluded.s5, monthly_score_sum = monthly_score_sum + excluded.monthly_score_sum,
    monthly_score_count = monthly_score_count + excluded.monthly_score_count`

/** Adds a change to a tally row an earlier change of the same month created (any signs). */
export const MOVE_TALLY = `UPDATE tallies SET r1 = r1 + @r1, r2 = r2 + @r2, r3 = r3 + @r3, r4 = r4 + @r4, r5 = r5 + @r5,
    s1 = s1 + @s1, s2 = s2 + @s2, s3 = s3 + @s3, s4 = s4 + @s4, s5 = s5 + @s5,
    monthly_score_sum = monthly_score_sum + @monthlyScoreSum, monthly_score_count = monthly_score_count + @monthlyScoreCount
  WHERE worker_code = @workerCode AND period = @period`

export const TALLY_COLUMNS = `worker_code AS workerCode, period, subdistrict_id AS subdistrictId, r1, r2, r3, r4, r5,
  s1, s2, s3, s4, s5, monthly_score_sum AS monthlyScoreSum, monthly_score_count AS monthlyScoreCount`

export function tallyOf(row: TallyRow): TallyRecord {
  return {
    workerCode: row.workerCode,
    subdistrictId: row.subdistrictId,
    period: row.period,
    residents: [row.r1, row.r2, row.r3, row.r4, row.r5],
    recipients: [row.s1, row.s2, row.s3, row.s4, row.s5],
    monthlyScoreSum: row.monthlyScoreSum,
    monthlyScoreCount: row.monthlyScoreCount,
  }
}

/** A period's counts (totals or deltas) as a tally row. */
export function tallyRowOf(at: { workerCode: string; subdistrictId: string }, period: string, counts: PeriodCounts): TallyRow {
  const [r1, r2, r3, r4, r5] = counts.residents
  const [s1, s2, s3, s4, s5] = counts.recipients
  const { monthlyScoreSum, monthlyScoreCount } = counts
  return { workerCode: at.workerCode, period, subdistrictId: at.subdistrictId, r1, r2, r3, r4, r5, s1, s2, s3, s4, s5, monthlyScoreSum, monthlyScoreCount }
}
