// The CommentStore contract (backend/comments/store.ts), run on SQLite (backend/store/sqlite/sqliteStore.test.ts)
// and on CloudStore over the real wx-server-sdk and the CloudBase emulator (cloudStore.test.ts): the held
// comments of a sub-district (ratings and feedback alike, oldest first, nobody else's, past the cloud's
// 100-row pages); a decision is a compare-and-set from 'review' only (a second one, or one on a replaced
// submission, changes nothing); a worker's passed comments by month, never held or rejected ones.
import type { Store } from '@backend/store'
import type { CommentStatus, FeedbackRecord, ResidentRatingRecord } from '@backend/store/records'
import { OTHER_SID, SID, feedback, orgOf, rating } from '../storeContract'

const withComment = <R extends ResidentRatingRecord | FeedbackRecord>(record: R, comment: string, commentStatus: CommentStatus, submittedAt = record.submittedAt): R =>
  ({ ...record, comment, commentStatus, submittedAt })

export function describeCommentStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`CommentStore contract: ${name}`, () => {
    let store: Store
    beforeEach(async () => {
      store = await makeStore()
      await store.putOrg(orgOf(SID, 3))
      await store.putOrg(orgOf(OTHER_SID, 1))
    })

    it("lists a sub-district's held comments of ratings and feedback, oldest first, and no one else's", async () => {
      const late = withComment(rating('o-r1', 'W0001', '2026-03', 2), '这个人是骗子', 'review', '2026-03-20T02:00:00.000Z')
      const early = withComment(feedback('V-held-0001', 'W0002', '2026-03', 1), '服务态度垃圾', 'review', '2026-03-05T02:00:00.000Z')
      await store.submitResidentRating(late)
      await store.submitFeedback(early)
      await store.submitResidentRating(withComment(rating('o-r2', 'W0001', '2026-03', 5), '很耐心', 'pass'))
      await store.submitResidentRating(withComment(rating('o-r3', 'W0001', '2026-03', 4), '', 'none'))
      await store.submitResidentRating(withComment(rating('o-r4', 'W0002', '2026-03', 1), '滚蛋', 'rejected'))
      await store.submitResidentRating(withComment(rating('o-r5', 'X0001', '2026-03', 1), '骗子', 'review'))
      expect(await store.comments.listHeld(SID)).toEqual([
        { ref: { kind: 'recipient', id: 'V-held-0001' }, openid: 'recipient-1', workerCode: 'W0002', subdistrictId: SID, month: '2026-03', level: 1, comment: '服务态度垃圾', submittedAt: '2026-03-05T02:00:00.000Z' },
        { ref: { kind: 'resident', id: late.id }, openid: 'o-r1', workerCode: 'W0001', subdistrictId: SID, month: '2026-03', level: 2, comment: '这个人是骗子', submittedAt: '2026-03-20T02:00:00.000Z' },
      ])
      expect((await store.comments.listHeld(OTHER_SID)).map((item) => item.openid)).toEqual(['o-r5'])
      expect(await store.comments.listHeld('sd-none')).toEqual([])
    })

    it("decides a held comment once: 'review' -> 'pass' or 'rejected'; a second decision changes nothing", async () => {
      const held = withComment(rating('o-r1', 'W0001', '2026-03', 2), '骗子', 'review')
      const heldFeedback = withComment(feedback('V-held-0002', 'W0001', '2026-03', 2), '垃圾', 'review')
      await store.submitResidentRating(held)
      await store.submitFeedback(heldFeedback)
      expect(await store.comments.decide({ kind: 'resident', id: held.id }, held.submittedAt, 'pass')).toBe('decided')
      expect(await store.comments.decide({ kind: 'resident', id: held.id }, held.submittedAt, 'rejected')).toBe('not-held')
      expect(await store.getResidentRating(held.id)).toMatchObject({ comment: '骗子', commentStatus: 'pass', level: 2 })
      expect(await store.comments.decide({ kind: 'recipient', id: 'V-held-0002' }, heldFeedback.submittedAt, 'rejected')).toBe('decided')
      expect(await store.comments.decide({ kind: 'recipient', id: 'V-held-0002' }, heldFeedback.submittedAt, 'pass')).toBe('not-held')
      expect(await store.visits.getFeedback('V-held-0002')).toMatchObject({ commentStatus: 'rejected' })
      expect(await store.comments.listHeld(SID)).toEqual([])
    })

    it('decides only the submission staff saw, and says when a rating does not exist', async () => {
      const first = withComment(rating('o-r1', 'W0001', '2026-03', 2), '骗子', 'review', '2026-03-10T02:00:00.000Z')
      await store.submitResidentRating(first)
      // The rater changed their rating (and its comment) after staff opened the list.
      await store.submitResidentRating(withComment(first, '真是垃圾', 'review', '2026-03-11T02:00:00.000Z'))
      expect(await store.comments.decide({ kind: 'resident', id: first.id }, '2026-03-10T02:00:00.000Z', 'pass')).toBe('not-held')
      expect(await store.getResidentRating(first.id)).toMatchObject({ comment: '真是垃圾', commentStatus: 'review' })
      expect(await store.comments.decide({ kind: 'resident', id: 'no-such-rating' }, '2026-03-10T02:00:00.000Z', 'pass')).toBe('not-found')
      expect(await store.comments.decide({ kind: 'recipient', id: 'V-none' }, '2026-03-10T02:00:00.000Z', 'pass')).toBe('not-found')
    })

    it("lists a worker's passed comments of the given months: residents first, by month then text, never held, rejected or excluded", async () => {
      const yi = withComment(rating('o-r1', 'W0001', '2026-04', 5), '乙：很耐心', 'pass')
      const bing = withComment(rating('o-r2', 'W0001', '2026-03', 4), '丙：办事快', 'pass')
      const jia = withComment(rating('o-r3', 'W0001', '2026-04', 4), '甲：热心', 'pass')
      for (const record of [yi, bing, jia]) await store.submitResidentRating(record)
      await store.submitResidentRating(withComment(rating('o-r4', 'W0001', '2026-04', 1), '骗子', 'review'))
      await store.submitResidentRating(withComment(rating('o-r5', 'W0001', '2026-04', 1), '滚蛋', 'rejected'))
      await store.submitResidentRating(withComment(rating('o-r6', 'W0001', '2026-05', 5), '五月的', 'pass'))
      await store.submitResidentRating(withComment(rating('o-r7', 'W0002', '2026-04', 5), '别人的', 'pass'))
      await store.submitFeedback(withComment(feedback('V-pass-0001', 'W0001', '2026-04', 5), '上门很及时', 'pass'))
      // excluded (trust rule 8): it no longer counts, and its comment is not listed
      const stuffed = withComment(rating('o-r8', 'W0001', '2026-04', 1), '刷的', 'pass')
      await store.submitResidentRating(stuffed)
      expect(await store.reviews.excludeRating({ kind: 'resident', id: stuffed.id }, { via: 'review', reason: '同一地址短时间内大量评价', by: 'o-staff', at: '2026-04-20T02:00:00.000Z' })).toBe(true)
      const passed = await store.comments.listPassed('W0001', ['2026-03', '2026-04'])
      expect(passed).toEqual([
        // With its rating: the backend seals it into the token the worker reports the comment by.
        { kind: 'resident', month: '2026-03', comment: '丙：办事快', ref: { kind: 'resident', id: bing.id } },
        // 乙 (U+4E59) sorts before 甲 (U+7532): by code point, as both stores sort.
        { kind: 'resident', month: '2026-04', comment: '乙：很耐心', ref: { kind: 'resident', id: yi.id } },
        { kind: 'resident', month: '2026-04', comment: '甲：热心', ref: { kind: 'resident', id: jia.id } },
        { kind: 'recipient', month: '2026-04', comment: '上门很及时', ref: { kind: 'recipient', id: 'V-pass-0001' } },
      ])
      expect(await store.comments.listPassed('W0001', [])).toEqual([])
    })

    it('holds a shown comment again once (a reported one): only from pass, only the submission reported; the level stays', async () => {
      const shown = withComment(rating('o-r1', 'W0001', '2026-03', 1), '你这个废物', 'pass', '2026-03-10T02:00:00.000Z')
      const shownFeedback = withComment(feedback('V-hold-0001', 'W0001', '2026-03', 2), '垃圾', 'pass')
      await store.submitResidentRating(shown)
      await store.submitFeedback(shownFeedback)
      // Not the submission reported: the rater changed it since.
      expect(await store.comments.hold({ kind: 'resident', id: shown.id }, '2026-03-09T02:00:00.000Z')).toBe('not-shown')
      expect(await store.comments.hold({ kind: 'resident', id: shown.id }, shown.submittedAt)).toBe('held')
      expect(await store.comments.hold({ kind: 'resident', id: shown.id }, shown.submittedAt)).toBe('not-shown')
      expect(await store.getResidentRating(shown.id)).toMatchObject({ comment: '你这个废物', commentStatus: 'review', level: 1 })
      expect(await store.comments.hold({ kind: 'recipient', id: 'V-hold-0001' }, shownFeedback.submittedAt)).toBe('held')
      expect(await store.visits.getFeedback('V-hold-0001')).toMatchObject({ commentStatus: 'review', level: 2 })
      // Held again, it is in the queue and no longer among the worker's passed comments.
      expect((await store.comments.listHeld(SID)).map((item) => item.comment)).toEqual(['你这个废物', '垃圾'])
      expect(await store.comments.listPassed('W0001', ['2026-03'])).toEqual([])
      // A rejected comment is not shown: holding it changes nothing.
      const rejected = withComment(rating('o-r2', 'W0001', '2026-03', 1), '滚', 'rejected')
      await store.submitResidentRating(rejected)
      expect(await store.comments.hold({ kind: 'resident', id: rejected.id }, rejected.submittedAt)).toBe('not-shown')
      expect(await store.getResidentRating(rejected.id)).toMatchObject({ commentStatus: 'rejected' })
      expect(await store.comments.hold({ kind: 'resident', id: 'no-such-rating' }, shown.submittedAt)).toBe('not-found')
      expect(await store.comments.hold({ kind: 'recipient', id: 'V-none' }, shown.submittedAt)).toBe('not-found')
    })

    it('lists all 130 held comments of a sub-district, past the cloud’s 100-row pages', async () => {
      for (let i = 0; i < 130; i += 1) {
        const at = new Date(Date.parse('2026-03-01T00:00:00.000Z') + i * 60_000).toISOString()
        await store.submitResidentRating(withComment(rating(`o-many-${i}`, 'W0003', '2026-03', 2), `骗子 ${i}`, 'review', at))
      }
      const held = await store.comments.listHeld(SID)
      expect(held).toHaveLength(130)
      expect(held.map((item) => item.comment)).toEqual(Array.from({ length: 130 }, (_, i) => `骗子 ${i}`))
    })
  })
}
