// SQLite schema of the local runtime and the mapping between rows and Store records.
// Created on open (IF NOT EXISTS), so a fresh DATA_DIR needs no migration step.
import type { Level, RatedParty } from '../src/core/types'
import type { PrincipalRecord, TallyRecord } from '../cloudfunctions/api/src/store'

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
-- One row per (rater, worker, month): the id is residentRatingId(openid, workerCode, month).
CREATE TABLE IF NOT EXISTS resident_ratings (
  id TEXT PRIMARY KEY,
  openid TEXT NOT NULL,
  worker_code TEXT NOT NULL REFERENCES workers (code),
  subdistrict_id TEXT NOT NULL,
  month TEXT NOT NULL,
  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  comment TEXT NOT NULL,
  comment_status TEXT NOT NULL,
  submitted_at TEXT NOT NULL
) WITHOUT ROWID;
-- One row per service visit.
CREATE TABLE IF NOT EXISTS feedback (
  service_id TEXT PRIMARY KEY,
  openid TEXT NOT NULL,
  worker_code TEXT NOT NULL REFERENCES workers (code),
  subdistrict_id TEXT NOT NULL,
  month TEXT NOT NULL,
  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  comment TEXT NOT NULL,
  comment_status TEXT NOT NULL,
  submitted_at TEXT NOT NULL
) WITHOUT ROWID;
-- Kept in step with the ratings in the same transaction; an evaluation reads only these.
CREATE TABLE IF NOT EXISTS tallies (
  worker_code TEXT NOT NULL,
  month TEXT NOT NULL,
  party TEXT NOT NULL CHECK (party IN ('residents', 'recipients')),
  subdistrict_id TEXT NOT NULL,
  n1 INTEGER NOT NULL CHECK (n1 >= 0),
  n2 INTEGER NOT NULL CHECK (n2 >= 0),
  n3 INTEGER NOT NULL CHECK (n3 >= 0),
  n4 INTEGER NOT NULL CHECK (n4 >= 0),
  n5 INTEGER NOT NULL CHECK (n5 >= 0),
  PRIMARY KEY (worker_code, month, party)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS tallies_by_subdistrict_month ON tallies (subdistrict_id, month);
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

export interface TallyRow {
  workerCode: string
  month: string
  party: RatedParty
  subdistrictId: string
  n1: number
  n2: number
  n3: number
  n4: number
  n5: number
}

export function tallyOf(row: TallyRow): TallyRecord {
  const { workerCode, subdistrictId, month, party } = row
  return { workerCode, subdistrictId, month, party, hist: [row.n1, row.n2, row.n3, row.n4, row.n5] }
}

/** A change to one tally: +1 on `add`, and -1 on `remove` when a re-rate moves a count between levels. */
export function tallyDelta(
  at: { workerCode: string; subdistrictId: string; month: string },
  party: RatedParty,
  add: Level,
  remove?: Level,
): TallyRow {
  const n = [0, 0, 0, 0, 0]
  n[add - 1] += 1
  if (remove !== undefined) n[remove - 1] -= 1
  const { workerCode, subdistrictId, month } = at
  return { workerCode, subdistrictId, month, party, n1: n[0], n2: n[1], n3: n[2], n4: n[3], n5: n[4] }
}
