// Integrity attacks (trust rules 3, 4 and 8), each tried as the person who would try it, through dispatch
// on a real SqliteStore with smallOrg (浮山: X 张敏 of 银泉, bound to workerX; Y 李强 of 青龙):
//   (a) a worker no longer in post still collecting: feedback on their visit, a visit logged by them;
//   (b) an idempotency key sent again with another payload: a rating of another worker, "exclude B"
//       answered with the key that kept A;
//   (c) a worker logging a 31st visit in one China day (each visit opens a feedback).
// Every refusal must leave the store exactly as it was (storeHash).
import { residentRatingId } from '@backend/store/ids'
import { createHarness, type Harness } from '../support/apiHarness'
import { storeHash } from '../support/authorizationCalls'
import { callerOn } from '../support/demoCaller'
import { FUSHAN, OPENID, X, Y } from '../support/smallOrg'

const NOW = new Date('2026-06-10T04:00:00.000Z') // 12:00 China time
const MONTH = '2026-06'
const MISMATCH = { ok: false, code: 'IDEMPOTENCY_MISMATCH', message: '请求编号已用于另一次提交，请刷新后重试' }
/** Drawing a real QR code per visit takes long and is not what is attacked: a stand-in image. */
const instantImages = { imageFor: async () => 'data:image/png;base64,AA==' }

export function integrityAttacks(): void {
  describe('integrity: a deactivated worker, a reused key, a flood of visits', () => {
    let api: Harness
    beforeEach(async () => {
      api = await createHarness(new Date(NOW))
    })
    afterEach(() => api.close())

    const call = (action: string, payload: object, openid: string) => api.call({ action, payload }, openid)
    const logVisit = () =>
      callerOn(api.store, { now: api.now, moderation: api.moderation, codeImages: instantImages }).call('visit.log', { type: '关爱走访' }, OPENID.workerX)
    const tallyOf = async (workerCode: string) => (await api.store.listTallies(FUSHAN, [MONTH])).find((t) => t.workerCode === workerCode) ?? null
    const deactivateX = () => api.store.org.updateWorker(X, { postId: 'post-zhuanzhi', gridId: 'g-yq-1', active: false })

    it('(a) a friend gives feedback on a visit of a worker no longer in post: refused, the tallies unchanged', async () => {
      const visitCode = 'VattackInPost001'
      await api.store.visits.putVisit({ visitCode, workerCode: X, subdistrictId: FUSHAN, communityId: 'c-yinquan', type: '关爱走访', place: '', note: '', at: new Date(NOW.getTime() - 30 * 60_000).toISOString() })
      await deactivateX()
      const before = { hash: storeHash(api.store), tally: await tallyOf(X) }
      const reply = await call('feedback.submit', { visitCode, level: 5, idempotencyKey: 'attack-inpost-0001' }, 'o-friend-1')
      expect(reply).toMatchObject({ ok: false, code: 'CONFLICT' })
      expect(await tallyOf(X)).toEqual(before.tally)
      expect(storeHash(api.store)).toBe(before.hash)
    })

    it('(a) a worker no longer in post logs a visit to hand out a feedback code: refused, nothing stored', async () => {
      await deactivateX()
      const before = storeHash(api.store)
      expect(await logVisit()).toMatchObject({ ok: false, code: 'CONFLICT', message: '您已不在岗，不能登记服务。如已回到岗位，请联系社区管理员改为在岗。' })
      expect(storeHash(api.store)).toBe(before)
    })

    it('(b) the key of a rating of X sent again for Y: 422, Y has no rating, X keeps the first', async () => {
      const key = 'attack-reused-0001'
      expect(await call('rating.submit', { workerCode: X, level: 5, idempotencyKey: key }, OPENID.resident)).toMatchObject({ ok: true })
      const before = storeHash(api.store)
      expect(await call('rating.submit', { workerCode: Y, level: 5, idempotencyKey: key }, OPENID.resident)).toEqual(MISMATCH)
      expect(await api.store.getResidentRating(residentRatingId(OPENID.resident, Y, MONTH))).toBeNull()
      expect((await api.store.getResidentRating(residentRatingId(OPENID.resident, X, MONTH)))?.level).toBe(5)
      expect(storeHash(api.store)).toBe(before)
    })

    it('(b) "exclude B" sent with the key that kept A: 422, B stays open and counts, nothing changes', async () => {
      for (const openid of ['o-a', 'o-b']) {
        const id = residentRatingId(openid, X, MONTH)
        await api.store.submitResidentRating({ id, openid, workerCode: X, subdistrictId: FUSHAN, month: MONTH, level: 5, comment: '', commentStatus: 'none', submittedAt: '2026-06-10T02:00:00.000Z' })
        await api.store.reviews.addReview({ id: `item-${openid}`, ref: { kind: 'resident', id }, workerCode: X, subdistrictId: FUSHAN, month: MONTH, reasons: ['BURST'], flaggedAt: NOW.toISOString(), status: 'open' })
      }
      const key = 'attack-decide-0001'
      const decide = (reviewId: string, decision: 'keep' | 'exclude', reason?: string) =>
        call('review.decide', { reviewId, decision, ...(reason === undefined ? {} : { reason }), idempotencyKey: key }, OPENID.fushanStaff)
      expect(await decide('item-o-a', 'keep')).toMatchObject({ ok: true, data: { status: 'kept' } })
      const before = storeHash(api.store)
      expect(await decide('item-o-b', 'exclude', '同一地址集中刷评')).toEqual(MISMATCH)
      expect((await api.store.reviews.getReview('item-o-b'))?.status).toBe('open')
      expect((await tallyOf(X))?.residents).toEqual([0, 0, 0, 0, 2])
      expect(storeHash(api.store)).toBe(before)
    })

    it('(c) a worker logs a 31st visit in one China day: 429, nothing stored', async () => {
      for (let i = 0; i < 30; i += 1) expect(await logVisit()).toMatchObject({ ok: true })
      const before = storeHash(api.store)
      expect(await logVisit()).toEqual({ ok: false, code: 'RATE_LIMITED', message: '今天登记的服务已达上限（每天 30 次），请明天再登记' })
      expect(storeHash(api.store)).toBe(before)
      expect(await api.store.visits.listVisits(X, '2000-01-01', '2100-01-01')).toHaveLength(30)
    })
  })
}
