// The CloudBase side of ScoreStore (store.ts): one `subdistrict_scores` document per (worker, period),
// `_id` = subdistrictScoreId. A monthly score rolls up into its month's tally in the two steps of
// backend/store/cloudbase/writes.ts; a half-year or year score is read as it is, one `set`.
import { periodKind } from '@core/periods'
import { monthlyScoreChange } from '@core/tallyChange'
import type { CloudCollections, ScoreDoc } from '../store/cloudbase/collections'
import type { CloudDb } from '../store/cloudbase/db'
import { listAll } from '../store/cloudbase/lists'
import { defined, recordOf, twoStepWrite } from '../store/cloudbase/writes'
import { subdistrictScoreId } from '../store/ids'
import type { SubdistrictScoreRecord } from '../store/records'

type Db = CloudDb<CloudCollections>

export async function writeScore(db: Db, score: SubdistrictScoreRecord): Promise<void> {
  const id = subdistrictScoreId(score.workerCode, score.period)
  if (periodKind(score.period) !== 'month') {
    await db.collection('subdistrict_scores').doc(id).set({ data: { ...defined(score), version: 1 } })
    return
  }
  const at = { workerCode: score.workerCode, subdistrictId: score.subdistrictId, month: score.period }
  await twoStepWrite(db, 'subdistrict_scores', id, score, (previous: ScoreDoc | null) => monthlyScoreChange(score.score, previous?.score ?? null), at)
}

export async function listSubdistrictScores(db: Db, subdistrictId: string, periods: string[]): Promise<SubdistrictScoreRecord[]> {
  if (periods.length === 0) return []
  const docs = await listAll(db, 'subdistrict_scores', { subdistrictId, period: db.command.in(periods) })
  return docs.map((doc) => recordOf<SubdistrictScoreRecord>(doc))
}
