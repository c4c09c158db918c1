// The three-party evaluation of one sub-district for one period, from O(workers) reads: the period's
// own tallies and the scores entered for the period key, never the ratings, and never one read per
// month — a year is as cheap as a month (DESIGN section 4). The scoring itself lives in src/core; this
// file only gathers its inputs. Several periods (a worker's trend) are read in one go.
import { DEFAULT_SETTINGS, type EnteredScores, type ExactEvaluation, emptyHistogram, evaluateExactly, periodKind, subdistrictScoreOf } from '@core/index'
import { takesPart } from '@core/participation'
import { markUnderReview } from '@core/underReview'
import type { EvaluationRow, Settings, WorkerPeriodInput } from '@core/types'
import type { Store, SubdistrictScoreRecord, TallyRecord, WorkerRecord } from '../store'
import { letOthersIn } from './turns'

/**
 * The period keys whose scores decide D (DESIGN section 3): a year falls back to its halves, so it
 * needs their own scores and monthly rollups as well; a month or a half-year needs only itself.
 */
function scoredKeys(period: string): { halves: string[] | null; keys: string[] } {
  if (periodKind(period) !== 'year') return { halves: null, keys: [period] }
  const halves = [`${period}-H1`, `${period}-H2`]
  return { halves, keys: [period, ...halves] }
}

/** The settings in force and their version (version 0: none saved yet, the defaults apply). */
export async function settingsInForce(store: Store): Promise<{ settings: Settings; settingsVersion: number }> {
  const current = await store.settings.current()
  return current === null ? { settings: DEFAULT_SETTINGS, settingsVersion: 0 } : { settings: current.settings, settingsVersion: current.version }
}

/**
 * The evaluation of each of `periods` with the given settings: one read each of workers (unless the caller
 * read them already), communities, tallies and scores for all of them. Inactive workers take part only
 * where something was recorded for them (src/core/participation.ts).
 */
export async function evaluatePeriods(
  store: Store,
  subdistrictId: string,
  periods: string[],
  settings: Settings,
  subdistrictWorkers?: WorkerRecord[],
): Promise<Map<string, ExactEvaluation>> {
  const keys = [...new Set(periods.flatMap((period) => scoredKeys(period).keys))]
  const [workers, communities, tallies, scores, openReviews] = await Promise.all([
    subdistrictWorkers ?? store.listWorkers(subdistrictId),
    store.listCommunities(subdistrictId),
    // The groups of the 服务对象 party only for the periods scored: a year's halves are read for D alone.
    store.listTallies(subdistrictId, keys, periods),
    store.listSubdistrictScores(subdistrictId, keys),
    // One paged query of the sub-district's open review items, for UNDER_REVIEW.
    store.reviews.listReviews(subdistrictId, 'open'),
  ])
  // The reads are done; the scoring is CPU work (turns.ts).
  await letOthersIn()
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

  const evaluations = new Map<string, ExactEvaluation>()
  for (const period of periods) {
    const { halves } = scoredKeys(period)
    const inputs: WorkerPeriodInput[] = []
    for (const worker of workers) {
      const tally = tallyOf.get(`${worker.code}|${period}`)
      const input: WorkerPeriodInput = {
        workerCode: worker.code,
        name: worker.name,
        community: communityName.get(worker.communityId) ?? '',
        residents: tally?.residents ?? emptyHistogram(),
        recipients: tally?.recipients ?? emptyHistogram(),
        ...(tally?.recipientGroups === undefined ? {} : { recipientGroups: tally.recipientGroups }),
        subdistrictScore: subdistrictScoreOf(
          entered(worker.code, period),
          halves?.map((half) => entered(worker.code, half)),
        ),
      }
      if (takesPart(worker, input)) inputs.push(input)
    }
    // UNDER_REVIEW goes on after grading: it changes no score or grade (src/core/underReview.ts).
    const { rows, exactTotals } = evaluateExactly(inputs, settings)
    evaluations.set(period, { rows: markUnderReview(rows, period, openReviews), exactTotals })
  }
  return evaluations
}

/** The evaluation of one period with the settings in force (one read of them, without their version). */
export async function evaluateSubdistrict(store: Store, subdistrictId: string, period: string): Promise<EvaluationRow[]> {
  const settings = (await store.getSettings()) ?? DEFAULT_SETTINGS
  return (await evaluatePeriods(store, subdistrictId, [period], settings)).get(period)?.rows ?? []
}
