// Rating levels for the tests of src/core's rules: a histogram from a list of levels, and a worker's
// period input built from them.
import type { Level, LevelHistogram, WorkerPeriodInput } from '@core/types'

/** The histogram of a list of rating levels: histOf(5, 4, 4) has one 5 and two 4s. */
export function histOf(...levels: Level[]): LevelHistogram {
  const hist: LevelHistogram = [0, 0, 0, 0, 0]
  for (const level of levels) hist[level - 1] += 1
  return hist
}

/** n ratings all of one level. */
export function repeatLevel(level: Level, n: number): Level[] {
  return Array.from({ length: n }, () => level)
}

export function worker(
  workerCode: string,
  parts: { residents?: Level[]; recipients?: Level[]; subdistrict?: number | null } = {},
): WorkerPeriodInput {
  return {
    workerCode,
    name: `工作者${workerCode}`,
    community: '银泉社区',
    residents: histOf(...(parts.residents ?? [])),
    recipients: histOf(...(parts.recipients ?? [])),
    subdistrictScore: parts.subdistrict ?? null,
  }
}
