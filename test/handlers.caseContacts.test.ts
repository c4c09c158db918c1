// A rater's phone number reaches only the call-back (trust rule 9), through dispatch on a real SqliteStore:
// the handling community's admin (银泉 周书记) reads the number while the case is open; 青龙's admin cannot
// open the case at all; 浮山's sub-district staff and the bureau read 已留电话; the worker nothing. The
// number is erased from the store when the case closes (the rater's verdict) or 30 days after it was left
// (the hourly job), whichever first. Rated Fri 2026-10-09 10:00 China time.
import type { CaseView, RaterCaseView, WorkerCaseView } from '@core/cases'
import { eraseExpiredPhones } from '@backend/cases/caseContacts'
import { createHarness, dataOf, type Harness } from './support/apiHarness'
import { withKey } from './support/keys'
import type { SqliteCaseStore } from '@backend/cases/sqlite'
import { OPENID, X } from './support/smallOrg'

const RATED_AT = new Date('2026-10-09T02:00:00.000Z')
const RATER = 'o-rater-phone'
const PHONE = '13912345678'
const QINGLONG_ADMIN = 'o-admin-qinglong'

let api: Harness
beforeEach(async () => {
  api = await createHarness(new Date(RATED_AT))
  await api.store.putOrg({ subdistricts: [], communities: [], grids: [], posts: [], workers: [], principals: [{ openid: QINGLONG_ADMIN, role: 'community', name: '青龙社区 孙书记', communityId: 'c-qinglong', subdistrictId: 'sd-fushan' }] })
})
afterEach(() => api.close())

const call = (action: string, payload: object, openid: string | null) => api.call({ action, payload: withKey(payload) }, openid)

/** A bad rating of 张敏 (X): the id of the case it opened (as the rater's own list has it). */
async function badRating(rater: string, level: 1 | 2): Promise<string> {
  dataOf(await call('rating.submit', { workerCode: X, level }, rater))
  const [opened] = await api.store.cases.listByRater(rater)
  return opened.id
}

/** A level-1 rating of 张敏 (X) with a phone number left for the call-back; the case id. */
async function caseWithPhone(rater = RATER, phone = PHONE): Promise<string> {
  const caseId = await badRating(rater, 1)
  dataOf(await call('case.contact', { caseId, phone }, rater))
  return caseId
}

const contactSeenBy = async (openid: string, caseId: string) => dataOf<CaseView>(await call('case.get', { caseId }, openid)).contact
const listedContactFor = async (openid: string, caseId: string) => dataOf<{ cases: CaseView[] }>(await call('case.list', {}, openid)).cases.find((c) => c.caseId === caseId)?.contact
/** The database under the store (the case store's own handle): what is really kept, not what a reply shows. */
const db = () => (api.store.cases as SqliteCaseStore).db
const rawRow = (caseId: string) => db().prepare<[string], { json: string }>('SELECT json FROM cases WHERE id = ?').get(caseId)!.json

describe('who reads the number', () => {
  it('the handling admin reads it; sub-district staff and the bureau read 已留电话; another community 403', async () => {
    const caseId = await caseWithPhone()
    expect(await contactSeenBy(OPENID.communityAdmin, caseId)).toEqual({ phone: PHONE })
    expect(await listedContactFor(OPENID.communityAdmin, caseId)).toEqual({ phone: PHONE })
    for (const openid of [OPENID.fushanStaff, OPENID.bureau]) {
      expect(await contactSeenBy(openid, caseId)).toEqual({ left: true })
      expect(await listedContactFor(openid, caseId)).toEqual({ left: true })
      expect(JSON.stringify(dataOf(await call('case.list', {}, openid)))).not.toContain('5678')
    }
    expect(await call('case.get', { caseId }, QINGLONG_ADMIN)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(JSON.stringify(dataOf(await call('case.list', {}, QINGLONG_ADMIN)))).not.toContain(PHONE)
  })

  it('the worker reads nothing of it, also once the case reached them', async () => {
    const caseId = await caseWithPhone()
    dataOf(await call('case.callback', { caseId, reached: true, outcome: '已电话联系，当面致歉' }, OPENID.communityAdmin))
    const reply = dataOf<{ cases: WorkerCaseView[] }>(await call('case.worker', {}, OPENID.workerX))
    expect(reply.cases).toHaveLength(1)
    expect(JSON.stringify(reply)).not.toMatch(/13912345678|139\*|"phone"|"left"|contact/)
  })

  it('keeps the number out of the replies the idempotency records keep (call-back, rectification)', async () => {
    const caseId = await caseWithPhone()
    expect(dataOf<CaseView>(await call('case.callback', { caseId, reached: true, outcome: '已电话联系，当面致歉' }, OPENID.communityAdmin)).contact).toEqual({ left: true })
    expect(dataOf<CaseView>(await call('case.rectify', { caseId, note: '调整排班，上门前一天电话确认' }, OPENID.communityAdmin)).contact).toEqual({ left: true })
    const kept = db().prepare('SELECT * FROM idempotency').all()
    expect(JSON.stringify(kept)).not.toContain(PHONE)
    // The admin still reads it on the case while it is open (待评价人确认).
    expect(await contactSeenBy(OPENID.communityAdmin, caseId)).toEqual({ phone: PHONE })
  })
})

describe('erasing', () => {
  it('erases the number from the store when the rater closes the case; the admin then reads 已留电话 (号码已删除)', async () => {
    const caseId = await caseWithPhone()
    expect(JSON.parse(rawRow(caseId))).toMatchObject({ contact: { phone: PHONE }, contactAt: RATED_AT.toISOString() })
    dataOf(await call('case.callback', { caseId, reached: true, outcome: '已电话联系，当面致歉' }, OPENID.communityAdmin))
    dataOf(await call('case.rectify', { caseId, note: '调整排班，上门前一天电话确认' }, OPENID.communityAdmin))
    expect(rawRow(caseId)).toContain(PHONE)
    dataOf(await call('case.confirm', { caseId, verdict: '满意' }, RATER))
    expect(rawRow(caseId)).not.toContain(PHONE)
    expect(JSON.parse(rawRow(caseId))).toMatchObject({ contact: { erased: true } })
    expect(JSON.parse(rawRow(caseId)).contactAt).toBeUndefined()
    for (const openid of [OPENID.communityAdmin, OPENID.fushanStaff, OPENID.bureau]) expect(await contactSeenBy(openid, caseId)).toEqual({ left: true, erased: true })
  })

  it('erases a number 30 days after it was left (10-09 10:00 → due 11-08 10:00), not a day earlier, and leaves newer ones', async () => {
    const old = await caseWithPhone()
    api.now = new Date('2026-10-20T02:00:00.000Z')
    const newer = await caseWithPhone('o-rater-newer', '13800001111')
    expect(await eraseExpiredPhones(api.store, new Date('2026-11-08T01:59:59.000Z'))).toBe(0)
    expect(rawRow(old)).toContain(PHONE)
    expect(await eraseExpiredPhones(api.store, new Date('2026-11-08T02:00:01.000Z'))).toBe(1)
    expect(rawRow(old)).not.toContain(PHONE)
    expect(rawRow(newer)).toContain('13800001111')
    expect(await contactSeenBy(OPENID.communityAdmin, old)).toEqual({ left: true, erased: true })
    expect(await contactSeenBy(OPENID.communityAdmin, newer)).toEqual({ phone: '13800001111' })
    // A second run finds nothing left to erase.
    expect(await eraseExpiredPhones(api.store, new Date('2026-11-08T03:00:00.000Z'))).toBe(0)
  })

  it('a rater who wants no call-back has nothing to erase and reads as 不需要回访 to every staff member', async () => {
    const caseId = await badRating(RATER, 2)
    dataOf(await call('case.contact', { caseId, none: true }, RATER))
    for (const openid of [OPENID.communityAdmin, OPENID.fushanStaff, OPENID.bureau]) expect(await contactSeenBy(openid, caseId)).toEqual({ none: true })
    expect(await eraseExpiredPhones(api.store, new Date('2027-01-01T00:00:00.000Z'))).toBe(0)
  })
})

describe('the rater’s choice on their home page (case.mine)', () => {
  const mine = async (rater = RATER) => dataOf<{ cases: RaterCaseView[] }>(await call('case.mine', {}, rater)).cases.map((c) => [c.stage, c.contactChosen])

  it('says the choice is still open until the rater leaves a number or says 不需要, and closed after either', async () => {
    const withPhone = await badRating(RATER, 1)
    const withNone = await badRating('o-rater-none', 2)
    expect(await mine()).toEqual([['callback', false]])
    expect(await mine('o-rater-none')).toEqual([['callback', false]])
    dataOf(await call('case.contact', { caseId: withPhone, phone: PHONE }, RATER))
    dataOf(await call('case.contact', { caseId: withNone, none: true }, 'o-rater-none'))
    expect(await mine()).toEqual([['callback', true]])
    expect(await mine('o-rater-none')).toEqual([['callback', true]])
  })
})
