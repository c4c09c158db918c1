// The SQLite side of ScoreStore (store.ts): one subdistrict_scores row per (worker, period key). A
// monthly score and its month's three tallies are written in one transaction.
import type Database from 'better-sqlite3'
import { periodKind } from '@core/periods'
import { monthlyScoreChange } from '@core/tallyChange'
import type { SubdistrictScoreRecord } from '../store/records'
import type { SqliteTallies } from '../tallies/sqlite'

export class SqliteScores {
  private readonly stmt
  readonly put: (score: SubdistrictScoreRecord) => void

  constructor(db: Database.Database, tallies: SqliteTallies) {
    this.stmt = {
      scoreOf: db.prepare<[string, string], { score: number }>(
        'SELECT score FROM subdistrict_scores WHERE worker_code = ? AND period = ?',
      ),
      putScore: db.prepare<SubdistrictScoreRecord>(
        `INSERT INTO subdistrict_scores (worker_code, period, subdistrict_id, score, entered_by, entered_at)
         VALUES (@workerCode, @period, @subdistrictId, @score, @enteredBy, @enteredAt)
         ON CONFLICT (worker_code, period) DO UPDATE SET subdistrict_id = excluded.subdistrict_id,
           score = excluded.score, entered_by = excluded.entered_by, entered_at = excluded.entered_at`,
      ),
      listScores: db.prepare<[string, string], SubdistrictScoreRecord>(
        `SELECT worker_code AS workerCode, subdistrict_id AS subdistrictId, period, score,
           entered_by AS enteredBy, entered_at AS enteredAt
         FROM subdistrict_scores WHERE subdistrict_id = ? AND period IN (SELECT value FROM json_each(?))`,
      ),
    }
    this.put = db.transaction((score: SubdistrictScoreRecord): void => {
      const previous = this.stmt.scoreOf.get(score.workerCode, score.period)
      this.stmt.putScore.run(score)
      // A half-year or year score is read as it is; only monthly scores roll up into the tallies.
      if (periodKind(score.period) !== 'month') return
      const change = monthlyScoreChange(score.score, previous?.score ?? null)
      const at = { workerCode: score.workerCode, subdistrictId: score.subdistrictId, month: score.period }
      if (change !== null) tallies.apply(at, change, previous === undefined ? 'new' : 'known')
    })
  }

  list(subdistrictId: string, periods: string[]): SubdistrictScoreRecord[] {
    return this.stmt.listScores.all(subdistrictId, JSON.stringify(periods))
  }
}
