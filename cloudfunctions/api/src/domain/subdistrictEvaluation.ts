// The three-party evaluation of one sub-district for one period, from O(workers) reads: the period's
// own tallies and the scores entered for the period key, never the ratings, and never one read per
// month — a year is as cheap as a month (DESIGN section 4). The scoring itself lives in src/core; this
// file only gathers its inputs.
import { DEFAULT_SETTINGS, emptyHistogram, evaluate, subdistrictScoreOf } from '../../../../src/core'
import type { EvaluationRow, WorkerPeriodInput } from '../../../../src/core/types'
import type { Store } from '../store'

export async function evaluateSubdistrict(store: Store, subdistrictId: string, period: string): Promise<EvaluationRow[]> {
  const [settings, workers, communities, tallies, scores] = await Promise.all([
    store.getSettings(),
    store.listWorkers(subdistrictId),
    store.listCommunities(subdistrictId),
    store.listTallies(subdistrictId, [period]),
    store.listSubdistrictScores(subdistrictId, [period]),
  ])
  const communityName = new Map(communities.map((community) => [community.id, community.name]))
  const tallyOf = new Map(tallies.map((tally) => [tally.workerCode, tally]))
  const periodScoreOf = new Map(scores.map((score) => [score.workerCode, score.score]))

  const inputs: WorkerPeriodInput[] = workers.map((worker) => {
    const tally = tallyOf.get(worker.code)
    return {
      workerCode: worker.code,
      name: worker.name,
      community: communityName.get(worker.communityId) ?? '',
      residents: tally?.residents ?? emptyHistogram(),
      recipients: tally?.recipients ?? emptyHistogram(),
      // D: the score entered for the period itself, else the mean of its months' scores (the tally's rollup).
      subdistrictScore: subdistrictScoreOf(
        periodScoreOf.get(worker.code) ?? null,
        tally?.monthlyScoreSum ?? 0,
        tally?.monthlyScoreCount ?? 0,
      ),
    }
  })
  return evaluate(inputs, settings ?? DEFAULT_SETTINGS)
}
