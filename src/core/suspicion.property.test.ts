// inBusyHours is one sweep (src/core/suspicion.ts); this holds it to the plain definition — every window
// of 60 minutes starting at an item's time tried in turn — on random ratings, with and without keys.
import fc from 'fast-check'
import { inBusyHours } from './suspicion'

const HOUR_MS = 60 * 60 * 1000

/** The definition, quadratic: for each item's time, the items of the next 60 minutes and their distinct keys. */
function reference<T extends { submittedAt: string }>(items: readonly T[], min: number, keyOf?: (item: T) => string): T[] {
  const sorted = [...items].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt))
  const times = sorted.map((item) => Date.parse(item.submittedAt))
  const busy = new Set<T>()
  for (let i = 0; i < sorted.length; i += 1) {
    const window = sorted.filter((_, j) => j >= i && times[j] < times[i] + HOUR_MS)
    const count = keyOf === undefined ? window.length : new Set(window.map(keyOf)).size
    if (count >= min) window.forEach((item) => busy.add(item))
  }
  return sorted.filter((item) => busy.has(item))
}

const BASE = Date.parse('2026-11-30T00:00:00.000Z')
const rating = fc.record({
  // Minutes within three hours, so windows overlap, touch and miss each other.
  minute: fc.integer({ min: 0, max: 180 }),
  openid: fc.constantFrom('o-a', 'o-b', 'o-c', 'o-d', 'o-e', 'o-f'),
})

it('flags exactly what trying every 60-minute window flags, counted by item or by distinct key', () => {
  fc.assert(
    fc.property(fc.array(rating, { maxLength: 60 }), fc.integer({ min: 1, max: 8 }), fc.boolean(), (drawn, min, byKey) => {
      const items = drawn.map((r, i) => ({ id: i, openid: r.openid, submittedAt: new Date(BASE + r.minute * 60_000).toISOString() }))
      const keyOf = byKey ? (r: { openid: string }) => r.openid : undefined
      expect(inBusyHours(items, min, keyOf)).toEqual(reference(items, min, keyOf))
    }),
    { numRuns: 500 },
  )
})

it('flags every one of a flood of 20,000 ratings by distinct raters from one address within an hour', () => {
  const flood = Array.from({ length: 20_000 }, (_, i) => ({ openid: `o-${i}`, submittedAt: new Date(BASE + (i % 3600) * 1000).toISOString() }))
  // Every rater is distinct and all fall within one hour: all of them are flagged.
  expect(inBusyHours(flood, 5, (r) => r.openid)).toHaveLength(20_000)
})
