// The ReviewStore contract (backend/reviews/store.ts), run on SQLite (backend/store/sqlite/sqliteStore.test.ts)
// and on CloudStore over the real wx-server-sdk and the CloudBase emulator (cloudStore.test.ts): excluding
// a rating takes its level out of the month, half-year and year tallies once and keeps the record; a
// re-rate of it stays out; review items are one per rating and decided once.
import { residentRatingId } from '@backend/store/ids'
import type { Store } from '@backend/store'
import type { Exclusion } from '@backend/store/records'
import type { ReviewRecord } from '@backend/reviews/store'
import { SID, feedback, orgOf, rating } from '../storeContract'

const EXCLUSION: Exclusion = { via: 'review', reason: '同一地址短时间内集中评价', by: 'staff-1', at: '2026-03-20T02:00:00.000Z' }

function item(id: string, flaggedAt: string, extra: Partial<ReviewRecord> = {}): ReviewRecord {
  return { id, ref: { kind: 'resident', id: `r-${id}` }, workerCode: 'W0001', subdistrictId: SID, month: '2026-03', reasons: ['BURST'], flaggedAt, status: 'open', ...extra }
}

export function describeReviewStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`ReviewStore contract: ${name}`, () => {
    let store: Store
    beforeEach(async () => {
      store = await makeStore()
      await store.putOrg(orgOf(SID, 2))
    })

    const residentsOf = async (periods: string[]) =>
      Object.fromEntries((await store.listTallies(SID, periods)).filter((t) => t.workerCode === 'W0001').map((t) => [t.period, t.residents]))

    it('excludes a rating: levels 5, 4, 1 in March, the 1 excluded → [0,0,0,1,1] in 2026-03, 2026-H1 and 2026; the record is kept', async () => {
      for (const [rater, level] of [['a', 5], ['b', 4], ['c', 1]] as const) await store.submitResidentRating(rating(rater, 'W0001', '2026-03', level))
      const ref = { kind: 'resident' as const, id: residentRatingId('c', 'W0001', '2026-03') }
      expect(await store.reviews.excludeRating(ref, EXCLUSION)).toBe(true)
      const after = [0, 0, 0, 1, 1]
      expect(await residentsOf(['2026-03', '2026-H1', '2026'])).toEqual({ '2026-03': after, '2026-H1': after, '2026': after })
      expect(await store.getResidentRating(ref.id)).toEqual({ ...rating('c', 'W0001', '2026-03', 1), excluded: EXCLUSION })
      // A second exclusion changes nothing.
      expect(await store.reviews.excludeRating(ref, { ...EXCLUSION, via: 'appeal' })).toBe(false)
      expect(await residentsOf(['2026-03'])).toEqual({ '2026-03': after })
      expect((await store.getResidentRating(ref.id))?.excluded).toEqual(EXCLUSION)
    })

    it('keeps an excluded rating out when its rater rates again in the same month; the rating counts no more than before', async () => {
      await store.submitResidentRating(rating('a', 'W0001', '2026-03', 5))
      await store.submitResidentRating(rating('c', 'W0001', '2026-03', 1))
      const id = residentRatingId('c', 'W0001', '2026-03')
      await store.reviews.excludeRating({ kind: 'resident', id }, EXCLUSION)
      expect(await store.submitResidentRating({ ...rating('c', 'W0001', '2026-03', 2), submittedAt: '2026-03-21T02:00:00.000Z' })).toEqual({ replaced: true })
      expect(await residentsOf(['2026-03', '2026'])).toEqual({ '2026-03': [0, 0, 0, 0, 1], '2026': [0, 0, 0, 0, 1] })
      const stored = await store.getResidentRating(id)
      expect([stored?.level, stored?.excluded]).toEqual([2, EXCLUSION])
    })

    it("excludes a recipient's feedback from the recipients' tallies: 5, 2 → [0,0,0,0,1]", async () => {
      await store.submitFeedback(feedback('V1', 'W0001', '2026-03', 5))
      await store.submitFeedback(feedback('V2', 'W0001', '2026-03', 2))
      expect(await store.reviews.excludeRating({ kind: 'recipient', id: 'V2' }, EXCLUSION)).toBe(true)
      const tallies = (await store.listTallies(SID, ['2026-03', '2026-H1'])).filter((t) => t.workerCode === 'W0001')
      expect(tallies.map((t) => [t.period, t.recipients, t.residents])).toEqual(
        expect.arrayContaining([['2026-03', [0, 0, 0, 0, 1], [0, 0, 0, 0, 0]], ['2026-H1', [0, 0, 0, 0, 1], [0, 0, 0, 0, 0]]]),
      )
      expect(await store.visits.getFeedback('V2')).toEqual({ ...feedback('V2', 'W0001', '2026-03', 2), excluded: EXCLUSION })
    })

    it('refuses to exclude what does not exist', async () => {
      expect(await store.reviews.excludeRating({ kind: 'resident', id: 'nobody' }, EXCLUSION)).toBe(false)
      expect(await store.reviews.excludeRating({ kind: 'recipient', id: 'V404' }, EXCLUSION)).toBe(false)
      expect(await store.listTallies(SID, ['2026-03'])).toEqual([])
    })

    it('carries excluded and clientHash through a bulk load, and the excluded one counts in no tally', async () => {
      const counted = { ...rating('a', 'W0001', '2026-02', 4), clientHash: 'h-1' }
      const out = { ...rating('b', 'W0001', '2026-02', 1), excluded: EXCLUSION }
      await store.loadActivity({ ratings: [counted, out], feedback: [{ ...feedback('V9', 'W0001', '2026-02', 3), excluded: EXCLUSION }] })
      expect(await store.getResidentRating(counted.id)).toEqual(counted)
      expect(await store.getResidentRating(out.id)).toEqual(out)
      const [feb] = (await store.listTallies(SID, ['2026-02'])).filter((t) => t.workerCode === 'W0001')
      expect([feb.residents, feb.recipients]).toEqual([[0, 0, 0, 1, 0], [0, 0, 0, 0, 0]])
    })

    it('lists what was submitted in [from, to), excluded ones left out, with the client hash', async () => {
      await store.submitResidentRating({ ...rating('a', 'W0001', '2026-03', 5), submittedAt: '2026-03-10T01:59:59.999Z' })
      await store.submitResidentRating({ ...rating('b', 'W0001', '2026-03', 5), submittedAt: '2026-03-10T02:00:00.000Z', clientHash: 'h-1' })
      await store.submitResidentRating({ ...rating('c', 'W0002', '2026-03', 4), submittedAt: '2026-03-10T02:59:59.999Z' })
      await store.submitResidentRating({ ...rating('d', 'W0001', '2026-03', 4), submittedAt: '2026-03-10T03:00:00.000Z' })
      await store.submitFeedback({ ...feedback('V1', 'W0001', '2026-03', 5), submittedAt: '2026-03-10T02:30:00.000Z' })
      await store.submitResidentRating({ ...rating('e', 'W0001', '2026-03', 1), submittedAt: '2026-03-10T02:40:00.000Z' })
      await store.reviews.excludeRating({ kind: 'resident', id: residentRatingId('e', 'W0001', '2026-03') }, EXCLUSION)
      const hour = await store.reviews.listRatedBetween('2026-03-10T02:00:00.000Z', '2026-03-10T03:00:00.000Z')
      expect(hour.map((r) => `${r.ref.kind}:${r.openid}:${r.workerCode}`).sort()).toEqual(['recipient:recipient-1:W0001', 'resident:b:W0001', 'resident:c:W0002'])
      expect(hour.find((r) => r.openid === 'b')).toEqual({
        ref: { kind: 'resident', id: residentRatingId('b', 'W0001', '2026-03') }, openid: 'b', workerCode: 'W0001', subdistrictId: SID,
        month: '2026-03', level: 5, submittedAt: '2026-03-10T02:00:00.000Z', clientHash: 'h-1',
      })
      const w1 = await store.reviews.listWorkerRatedBetween('W0001', '2026-03-01T00:00:00.000Z', '2026-03-10T02:30:00.000Z')
      expect(w1.map((r) => r.openid).sort()).toEqual(['a', 'b'])
      expect([...(await store.reviews.ratedBefore(['a', 'b', 'zz'], '2026-03-10T02:00:00.000Z'))]).toEqual(['a'])
    })

    it('lists what one person rated of one worker in [from, to): ratings and feedback, no one else’s, excluded ones left out', async () => {
      await store.submitResidentRating({ ...rating('recipient-1', 'W0001', '2026-02', 4), submittedAt: '2026-02-10T02:00:00.000Z' })
      await store.submitResidentRating({ ...rating('recipient-1', 'W0002', '2026-02', 4), submittedAt: '2026-02-10T02:00:00.000Z' })
      await store.submitResidentRating({ ...rating('a', 'W0001', '2026-02', 4), submittedAt: '2026-02-10T02:00:00.000Z' })
      await store.submitFeedback({ ...feedback('V1', 'W0001', '2026-03', 5), submittedAt: '2026-03-10T02:00:00.000Z' })
      await store.submitFeedback({ ...feedback('V2', 'W0001', '2026-03', 2), submittedAt: '2026-03-11T02:00:00.000Z' })
      await store.submitFeedback({ ...feedback('V3', 'W0001', '2026-04', 3), submittedAt: '2026-04-01T00:00:00.000Z' })
      await store.reviews.excludeRating({ kind: 'recipient', id: 'V2' }, EXCLUSION)
      const theirs = await store.reviews.listRaterWorkerBetween('recipient-1', 'W0001', '2026-02-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z')
      expect(theirs.map((r) => `${r.ref.kind}:${r.month}:${r.level}`).sort()).toEqual(['recipient:2026-03:5', 'resident:2026-02:4'])
      expect(theirs.every((r) => r.openid === 'recipient-1' && r.workerCode === 'W0001')).toBe(true)
    })

    it('keeps one item per rating, lists open ones first (newest first), and decides an item once', async () => {
      expect(await store.reviews.addReview(item('i1', '2026-03-10T03:00:00.000Z'))).toBe(true)
      expect(await store.reviews.addReview(item('i2', '2026-03-10T04:00:00.000Z'))).toBe(true)
      expect(await store.reviews.addReview(item('i3', '2026-03-10T05:00:00.000Z', { subdistrictId: 'sd-other' }))).toBe(true)
      expect(await store.reviews.addReview(item('i1', '2026-03-11T03:00:00.000Z', { reasons: ['SHARED_IP'] }))).toBe(false)
      expect(await store.reviews.getReview('i1')).toEqual(item('i1', '2026-03-10T03:00:00.000Z'))
      const decision = { by: 'staff-1', byName: '街道工作人员', at: '2026-03-12T01:00:00.000Z', reason: '', key: 'k1' }
      expect(await store.reviews.decideReview('i2', 'kept', decision)).toBe(true)
      expect(await store.reviews.decideReview('i2', 'excluded', { ...decision, reason: '刷评' })).toBe(false)
      expect(await store.reviews.decideReview('missing', 'kept', decision)).toBe(false)
      expect((await store.reviews.listReviews(SID)).map((r) => [r.id, r.status])).toEqual([['i1', 'open'], ['i2', 'kept']])
      expect((await store.reviews.listReviews(SID, 'open')).map((r) => r.id)).toEqual(['i1'])
      expect(await store.reviews.getReview('i2')).toEqual({ ...item('i2', '2026-03-10T04:00:00.000Z'), status: 'kept', decision })
    })
  })
}
