// A level histogram (how many ratings of each level 1..5) and what the scoring reads off it. Its own
// module so that the parties' rules (scoring.ts, recipients.ts) share it without importing each other.
import type { LevelHistogram, Settings } from './types'

export function emptyHistogram(): LevelHistogram {
  return [0, 0, 0, 0, 0]
}

export function addHistograms(a: Readonly<LevelHistogram>, b: Readonly<LevelHistogram>): LevelHistogram {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3], a[4] + b[4]]
}

/** Number of ratings in a histogram (n). */
export function countOf(hist: Readonly<LevelHistogram>): number {
  return hist[0] + hist[1] + hist[2] + hist[3] + hist[4]
}

/** Points sum of a histogram (s), with `levelPoints[i]` for level i + 1. */
export function pointsOf(hist: Readonly<LevelHistogram>, levelPoints: Readonly<Settings['levelPoints']>): number {
  return hist.reduce((sum, count, i) => sum + count * levelPoints[i], 0)
}
