// The LimitStore contract (backend/limits/store.ts), run on SQLite (backend/store/sqlite/sqliteStore.test.ts)
// and on CloudStore over the real wx-server-sdk and the CloudBase emulator (cloudStore.test.ts): a rater's
// submits counted per China day and per minute, refused beyond either limit without counting, given back
// exactly, concurrent takes never overshooting, past days removable.
import type { Store } from '@backend/store'

const DAY = '2026-11-28'

export function describeLimitStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`LimitStore contract: ${name}`, () => {
    let store: Store
    beforeEach(async () => {
      store = await makeStore()
    })
    /** One take at `minute` (HH:mm) of `day` under the limits given. */
    const take = (rater: string, minute: string, perMinute = 10, perDay = 30, day = DAY) =>
      store.limits.take(rater, { day, minute: `${day}T${minute}` }, async () => ({ perMinute, perDay }))

    it('counts the first submit of a day as 1 in the day and 1 in the minute, without asking for the limits', async () => {
      expect(await store.limits.get('o-a', DAY)).toBeNull()
      const unread = async () => { throw new Error('the limits were read') }
      expect(await store.limits.take('o-a', { day: DAY, minute: `${DAY}T01:00` }, unread)).toMatchObject({ allowed: true })
      expect(await store.limits.get('o-a', DAY)).toEqual({ day: DAY, count: 1, minute: '2026-11-28T01:00', minuteCount: 1 })
    })

    it('allows perMinute (3) in one minute, refuses the 4th counting nothing, and starts again at 1 the next minute', async () => {
      for (let i = 0; i < 3; i += 1) expect(await take('o-a', '01:00', 3)).toMatchObject({ allowed: true })
      expect(await take('o-a', '01:00', 3)).toEqual({ allowed: false, window: 'minute' })
      expect(await store.limits.get('o-a', DAY)).toEqual({ day: DAY, count: 3, minute: '2026-11-28T01:00', minuteCount: 3 })
      expect(await take('o-a', '01:01', 3)).toMatchObject({ allowed: true })
      // 3 + 1 = 4 in the day, 1 in the new minute.
      expect(await store.limits.get('o-a', DAY)).toEqual({ day: DAY, count: 4, minute: '2026-11-28T01:01', minuteCount: 1 })
    })

    it('refuses beyond perDay (5 over three minutes) as the day, whatever the minute', async () => {
      for (const minute of ['01:00', '01:00', '02:00', '02:00', '03:00']) expect(await take('o-a', minute, 2, 5)).toMatchObject({ allowed: true })
      expect(await take('o-a', '04:00', 2, 5)).toEqual({ allowed: false, window: 'day' })
      expect(await store.limits.get('o-a', DAY)).toMatchObject({ count: 5, minute: '2026-11-28T03:00', minuteCount: 1 })
      // Another rater and another day are counted apart.
      expect(await take('o-b', '04:00', 2, 5)).toMatchObject({ allowed: true })
      // The next day starts again at 1 (a store may forget the day before then: the cloud keeps one counter per rater).
      expect(await take('o-a', '04:00', 2, 5, '2026-11-29')).toMatchObject({ allowed: true })
      expect(await store.limits.get('o-a', '2026-11-29')).toEqual({ day: '2026-11-29', count: 1, minute: '2026-11-29T04:00', minuteCount: 1 })
    })

    it('gives a take back: the day\'s only one leaves no counter; a later one takes 1 off the day and the minute', async () => {
      const first = await take('o-a', '01:00')
      if (!first.allowed) throw new Error('refused')
      await store.limits.giveBack('o-a', first.undo)
      expect(await store.limits.get('o-a', DAY)).toBeNull()
      await take('o-a', '01:00')
      await take('o-a', '01:00')
      const third = await take('o-a', '01:00')
      if (!third.allowed) throw new Error('refused')
      await store.limits.giveBack('o-a', third.undo)
      expect(await store.limits.get('o-a', DAY)).toEqual({ day: DAY, count: 2, minute: '2026-11-28T01:00', minuteCount: 2 })
    })

    it('never overshoots under concurrent takes: 15 at once with perMinute 10 -> exactly 10 allowed', async () => {
      const verdicts = await Promise.all(Array.from({ length: 15 }, () => take('o-a', '05:00')))
      expect(verdicts.filter((v) => v.allowed)).toHaveLength(10)
      expect(verdicts.filter((v) => !v.allowed)).toEqual(Array.from({ length: 5 }, () => ({ allowed: false, window: 'minute' })))
      expect(await store.limits.get('o-a', DAY)).toMatchObject({ count: 10, minuteCount: 10 })
    })

    it('removes the counters of days before a given day and keeps that day\'s', async () => {
      await take('o-a', '01:00', 10, 30, '2026-11-26')
      await take('o-b', '01:00', 10, 30, '2026-11-27')
      await take('o-c', '01:00')
      expect(await store.limits.removeBefore(DAY)).toBe(2)
      expect(await store.limits.get('o-a', '2026-11-26')).toBeNull()
      expect(await store.limits.get('o-b', '2026-11-27')).toBeNull()
      expect(await store.limits.get('o-c', DAY)).toMatchObject({ count: 1 })
    })
  })
}
