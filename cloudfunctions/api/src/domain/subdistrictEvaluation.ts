// The three-party evaluation of one sub-district for one period, from O(workers) reads: the period's
// own tallies and the scores entered for the period key, never the ratings, and never one read per
// month — a year is as cheap as a month (DESIGN section 4). The scoring itself lives in src/core; this
// file only gathers its inputs.
import { DEFAULT_SETTINGS, type EnteredScores, emptyHistogram, evaluate, periodKind, subdistrictScoreOf } from '../../../../src/core'
import type { EvaluationRow, WorkerPeriodInput } from '../../../../src/core/types'
import type { Store, SubdistrictScoreRecord, TallyRecord } from '../store'

/**
 * The period keys whose scores decide D (DESIGN section 3): a year falls back to its halves, so it
 * needs their own scores and monthly rollups as well; a month or a half-year needs only itself.
 */
function scoredKeys(period: string): { halves: string[] | null; keys: string[] } {
  if (periodKind(period) !== 'year') return { halves: null, keys: [period] }
  const halves = [`${period}-H1`, `${period}-H2`]
  return { halves, keys: [period, ...halves] }
}

export async function evaluateSubdistrict(store: Store, subdistrictId: string, period: string): Promise<EvaluationRow[]> {
  const { halves, keys } = scoredKeys(period)
  const [settings, workers, communities, tallies, scores] = await Promise.all([
    store.getSettings(),
    store.listWorkers(subdistrictId),
    store.listCommunities(subdistrictId),
    store.listTallies(subdistrictId, keys),
    store.listSubdistrictScores(subdistrictId, keys),
  ])
  const communityName = new Map(communities.map((community) => [community.id, community.name]))
  const byWorkerAndPeriod = <T extends { workerCode: string; period: string }>(records: T[]) =>
    new Map(records.map((record) => [`${record.workerCode}|${record.period}`, record]))
  const tallyOf: Map<string, TallyRecord> = byWorkerAndPeriod(tallies)
  const scoreOf: Map<string, SubdistrictScoreRecord> = byWorkerAndPeriod(scores)
  const entered = (workerCode: string, key: string): EnteredScores => {
    const tally = tallyOf.get(`${workerCode}|${key}`)
    return {
      own: scoreOf.get(`${workerCode}|${key}`)?.score ?? null,
      monthlySum: tally?.monthlyScoreSum ?? 0,
      monthlyCount: tally?.monthlyScoreCount ?? 0,
    }
  }

  const inputs: WorkerPeriodInput[] = workers.map((worker) => {
    const tally = tallyOf.get(`${worker.code}|${period}`)
    return {
      workerCode: worker.code,
      name: worker.name,
      community: communityName.get(worker.communityId) ?? '',
      residents: tally?.residents ?? emptyHistogram(),
      recipients: tally?.recipients ?? emptyHistogram(),
      subdistrictScore: subdistrictScoreOf(
        entered(worker.code, period),
        halves?.map((half) => entered(worker.code, half)),
      ),
    }
  })
  return evaluate(inputs, settings ?? DEFAULT_SETTINGS)
}
