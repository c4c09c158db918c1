// Rating levels (DESIGN section 3): five levels, always labelled in words, never stars alone.
import type { Level } from './types'

export const LEVEL_LABELS: Record<Level, string> = {
  1: '非常不满意',
  2: '不满意',
  3: '基本满意',
  4: '满意',
  5: '非常满意',
}

/** Display order of the choices: best first, so the form reads 非常满意 ... 非常不满意. */
export const LEVELS_HIGH_TO_LOW: Level[] = [5, 4, 3, 2, 1]

export function isLevel(x: unknown): x is Level {
  return x === 1 || x === 2 || x === 3 || x === 4 || x === 5
}

/** Levels 1-2 are bad reviews (差评); they follow up with 回访 and 整改, never get blocked. */
export function isBadReview(level: Level): boolean {
  return level <= 2
}
