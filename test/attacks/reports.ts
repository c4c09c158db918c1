// 投诉/举报 tried by the people who would abuse it (DESIGN trust rules 5 and 8). On the small organisation
// (浮山: 银泉 with 张敏 W001, bound to o-worker-x; 青龙 with 李强 W002), rated Fri 2026-10-09, called back:
// - 张敏 wants 李强's bad comment gone too: every token he can make — his own reporting a case of 李强's
//   with the kind flipped, a byte changed, the appeal token, the moderators' sealed token, 李强's rating id —
//   names nothing of 李强's, and nothing is stored;
// - 张敏 taps 举报 twenty times to bury a comment: one report, one hold;
// - a neighbour reports the rectification note on someone else's case: 403, nothing stored;
// - 张敏 reading his cases before and after his report: nothing in them says who wrote or who reported.
import { SqliteStore } from '@backend/store/sqlite/sqliteStore'
import { ratingToken } from '@backend/appeals/appealViews'
import { sealRatingId } from '@backend/secrets/sealedRefs'
import { ratingRefId, residentRatingId } from '@backend/store/ids'
import type { ActionName } from '@core/contract'
import type { WorkerCaseView } from '@core/cases'
import type { Envelope } from '@core/errors'
import { DEFAULT_SETTINGS } from '@core/settings'
import { dataOf, scriptedModeration } from '../support/apiHarness'
import { storeHash } from '../support/authorizationCalls'
import { callerOn } from '../support/demoCaller'
import { withKey } from '../support/keys'
import { TEST_SECRETS } from '../support/secrets'
import { OPENID, X, Y, smallOrg } from '../support/smallOrg'

const RATED_AT = new Date('2026-10-09T02:00:00.000Z')

async function world() {
  const store = new SqliteStore(':memory:')
  await store.putOrg(smallOrg())
  await store.saveSettings(DEFAULT_SETTINGS)
  const caller = callerOn(store, { now: RATED_AT, moderation: scriptedModeration({}) })
  const call = (openid: string | null, action: ActionName, payload: object): Promise<Envelope<unknown>> => caller.call(action, withKey(payload), openid, RATED_AT)
  /** A level-1 rating of `workerCode` with a comment, its rating id and case id; 张敏's is called back by 银泉's admin (so he sees it). */
  const badCase = async (rater: string, workerCode: string, comment: string) => {
    dataOf(await call(rater, 'rating.submit', { workerCode, level: 1, comment }))
    const ratingId = residentRatingId(rater, workerCode, '2026-10')
    const caseId = ratingRefId({ kind: 'resident', id: ratingId }, TEST_SECRETS.idKey)
    if (workerCode === X) dataOf(await call(OPENID.communityAdmin, 'case.callback', { caseId, reached: false, outcome: '无法联系' }))
    return { ratingId, caseId }
  }
  return { store, call, badCase }
}

export function reportsAttacks(): void {
  describe('attacks on 投诉/举报: someone else’s item, a forged token, a flood of reports', () => {
    it('gives 张敏 no token that reports 李强’s comment, and stores nothing for any', async () => {
      const w = await world()
      await w.badCase('o-r-mine', X, '张敏上门太敷衍')
      const theirs = await w.badCase('o-r-theirs', Y, '李强根本不来')
      const { cases } = dataOf<{ cases: WorkerCaseView[] }>(await w.call(OPENID.workerX, 'case.worker', {}))
      const own = cases[0].report
      if (own === undefined) throw new Error('张敏 is given a token for his own comment')
      const flipped = Buffer.from(own.token, 'base64url')
      flipped[20] ^= 1
      const ref = { kind: 'resident' as const, id: theirs.ratingId }
      const forged = [
        { kind: 'recipient', token: own.token },
        { kind: 'resident', token: flipped.toString('base64url') },
        { kind: 'resident', token: ratingToken(ref, TEST_SECRETS.idKey) },
        { kind: 'resident', token: sealRatingId(ref, TEST_SECRETS.idKey) },
        { kind: 'resident', token: theirs.ratingId },
        { kind: 'resident', token: theirs.caseId },
      ]
      const before = storeHash(w.store)
      for (const payload of forged) expect(await w.call(OPENID.workerX, 'comment.report', payload)).toMatchObject({ ok: false, code: 'NOT_FOUND' })
      // Even one sealed for reporting, were he to get it, is refused: the comment is not about him.
      expect(await w.call(OPENID.workerX, 'comment.report', { kind: 'resident', token: sealRatingId(ref, TEST_SECRETS.idKey, 'report') })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
      expect(storeHash(w.store)).toBe(before)
      expect(await w.store.getResidentRating(theirs.ratingId)).toMatchObject({ commentStatus: 'pass' })
      w.store.close()
    })

    it('counts twenty taps of 举报 once: one report, one hold; what 张敏 reads names no rater and no reporter', async () => {
      const w = await world()
      const { ratingId } = await w.badCase('o-r-mine', X, '张敏上门太敷衍')
      const [{ report }] = dataOf<{ cases: WorkerCaseView[] }>(await w.call(OPENID.workerX, 'case.worker', {})).cases
      const answers = await Promise.all(Array.from({ length: 20 }, () => w.call(OPENID.workerX, 'comment.report', { ...report, reason: '辱骂/人身攻击' })))
      expect(answers.filter((a) => a.ok && (a.data as { already: boolean }).already === false)).toHaveLength(1)
      expect(answers.every((a) => a.ok)).toBe(true)
      expect(await w.store.contentReports.listOpen('sd-fushan')).toHaveLength(1)
      expect(await w.store.getResidentRating(ratingId)).toMatchObject({ commentStatus: 'review' })
      const after = JSON.stringify(dataOf(await w.call(OPENID.workerX, 'case.worker', {})))
      expect(after).not.toMatch(/o-r-mine|评价人 [A-Z2-9]{6}|辱骂/)
      w.store.close()
    })

    it('refuses a neighbour reporting the rectification note on someone else’s case, storing nothing', async () => {
      const w = await world()
      const { caseId } = await w.badCase('o-r-mine', X, '张敏上门太敷衍')
      dataOf(await w.call(OPENID.communityAdmin, 'case.rectify', { caseId, note: '已调整走访安排，每周入户一次' }))
      const before = storeHash(w.store)
      for (const neighbour of ['o-r-neighbour', OPENID.resident, OPENID.workerX]) {
        expect(await w.call(neighbour, 'note.report', { caseId, reason: '其他' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
      }
      expect(storeHash(w.store)).toBe(before)
      w.store.close()
    })
  })
}
