// Seeded randomness for the demo and scale seeds: the same seed gives the same data on every machine
// (never Math.random), so a seeded database, a test on it and a bench figure can be reproduced.
import type { Level } from '@core/types'

/** Probabilities of levels 1..5. */
export type LevelOdds = [number, number, number, number, number]

export type Random = () => number

/** mulberry32: a tiny, well-mixed 32-bit PRNG. */
export function prng(seed: number): Random {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function intBetween(random: Random, [min, max]: [number, number]): number {
  return min + Math.floor(random() * (max - min + 1))
}

export function levelFrom(random: Random, odds: LevelOdds): Level {
  let r = random()
  for (let i = 0; i < 4; i += 1) {
    r -= odds[i]
    if (r < 0) return (i + 1) as Level
  }
  return 5
}
