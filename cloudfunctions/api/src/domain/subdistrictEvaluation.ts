// The three-party evaluation of one sub-district for one period, from O(workers x months) reads:
// tallies and scores only, never the ratings themselves (DESIGN section 4). The scoring itself
// lives in src/core; this file only gathers its inputs.
import {
  DEFAULT_SETTINGS,
  addHistograms,
  emptyHistogram,
  evaluate,
  monthsOf,
  resolveSubdistrictScore,
} from '../../../../src/core'
import type { EvaluationRow, LevelHistogram, RatedParty, WorkerPeriodInput } from '../../../../src/core/types'
import type { Store, SubdistrictScoreRecord, TallyRecord } from '../store'

export async function evaluateSubdistrict(store: Store, subdistrictId: string, period: string): Promise<EvaluationRow[]> {
  const months = monthsOf(period)
  // D for a period: the score entered for the period itself, else the mean of its monthly scores.
  const scorePeriods = months.includes(period) ? months : [period, ...months]
  const [settings, workers, communities, tallies, scores] = await Promise.all([
    store.getSettings(),
    store.listWorkers(subdistrictId),
    store.listCommunities(subdistrictId),
    store.listTallies(subdistrictId, months),
    store.listSubdistrictScores(subdistrictId, scorePeriods),
  ])
  const communityName = new Map(communities.map((community) => [community.id, community.name]))
  const residents = sumTallies(tallies, 'residents')
  const recipients = sumTallies(tallies, 'recipients')
  const scoresByWorker = groupScores(scores)

  const inputs: WorkerPeriodInput[] = workers.map((worker) => ({
    workerCode: worker.code,
    name: worker.name,
    community: communityName.get(worker.communityId) ?? '',
    residents: residents.get(worker.code) ?? emptyHistogram(),
    recipients: recipients.get(worker.code) ?? emptyHistogram(),
    subdistrictScore: resolveSubdistrictScore(period, scoresByWorker.get(worker.code) ?? {}),
  }))
  return evaluate(inputs, settings ?? DEFAULT_SETTINGS)
}

/** One histogram per worker for the party, summed over the period's months. */
function sumTallies(tallies: TallyRecord[], party: RatedParty): Map<string, LevelHistogram> {
  const byWorker = new Map<string, LevelHistogram>()
  for (const tally of tallies) {
    if (tally.party !== party) continue
    byWorker.set(tally.workerCode, addHistograms(byWorker.get(tally.workerCode) ?? emptyHistogram(), tally.hist))
  }
  return byWorker
}

function groupScores(scores: SubdistrictScoreRecord[]): Map<string, Record<string, number>> {
  const byWorker = new Map<string, Record<string, number>>()
  for (const score of scores) {
    const entered = byWorker.get(score.workerCode) ?? {}
    entered[score.period] = score.score
    byWorker.set(score.workerCode, entered)
  }
  return byWorker
}
