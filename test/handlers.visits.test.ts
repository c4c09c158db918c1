// A worker's side of 一次一评 through dispatch, on a real SqliteStore: visit.log gives each
// visit its own random code and the feedback code's image; visit.list shows the worker their visits with
// where each one's feedback stands, never who gave it; visit.card is the public summary the person served
// sees (never the note); worker.qrcode is the worker's own code. Every refused call stores nothing.
import { dispatch } from '@backend/door'
import { apiHandlers } from '@backend/handlers'
import { SCENE_PATTERN, type ResultOf } from '@core/contract'
import { ApiError } from '@core/errors'
import type { VisitCard } from '@core/visits'
import { createHarness, dataOf, TEST_CODE_IMAGES, type Harness } from './support/apiHarness'
import { OPENID, X, Y } from './support/smallOrg'
import { withKey } from './support/keys'
import { testSecrets } from './support/secrets'

const NOW = new Date('2026-03-15T02:00:00Z') // 10:00 China time
const WORKER = OPENID.workerX // 张敏, W001, 银泉社区 of 浮山办事处
const DAY = 24 * 60 * 60 * 1000

let api: Harness
beforeEach(async () => {
  api = await createHarness(new Date(NOW))
})
afterEach(() => api.close())

const call = (action: string, payload: unknown, openid: string | null) => api.call({ action, payload }, openid)
const logVisit = async (payload: object = { type: '关爱走访' }) => dataOf<ResultOf<'visit.log'>>(await call('visit.log', payload, WORKER))
/** Every visit of X and Y in a wide range: what a refused visit.log could have written. */
const allVisits = async () => [
  ...(await api.store.visits.listVisits(X, '2000-01-01', '2100-01-01')),
  ...(await api.store.visits.listVisits(Y, '2000-01-01', '2100-01-01')),
]

describe('visit.log', () => {
  it('stores the visit with the time now, where the worker works, and a random code of 16 scene characters', async () => {
    const { visitCode, image } = await logVisit({ type: '帮办代办', place: '  银泉花园3栋2单元 ', note: '代办医保报销材料' })
    expect(visitCode).toMatch(/^V[0-9A-Za-z]{15}$/)
    expect(SCENE_PATTERN.test(visitCode)).toBe(true) // <= 32 characters a mini-program code's scene allows
    expect(await api.store.visits.getVisit(visitCode)).toEqual({
      visitCode,
      workerCode: X,
      subdistrictId: 'sd-fushan',
      communityId: 'c-yinquan',
      type: '帮办代办',
      place: '银泉花园3栋2单元',
      note: '代办医保报销材料',
      at: '2026-03-15T02:00:00.000Z',
    })
    // The image is the code of the feedback page with this visit's code as its scene.
    expect(image).toMatch(/^data:image\/png;base64,/)
    expect(image).toBe(await TEST_CODE_IMAGES.imageFor('pages/feedback/index', visitCode))
  })

  it('gives every visit a code of its own, with place and note left out as empty (test/visitCodes.test.ts: the randomness)', async () => {
    const codes = [await logVisit({ type: '政策宣传' }), await logVisit({ type: '政策宣传' })].map((logged) => logged.visitCode)
    expect(new Set(codes).size).toBe(2)
    expect(await api.store.visits.listVisits(X, '2026-03-01', '2026-04-01')).toEqual(
      codes.sort().map((visitCode) => expect.objectContaining({ visitCode, type: '政策宣传', place: '', note: '' })),
    )
  })

  const refusals: Array<[string, unknown, string | null, string, RegExp]> = [
    ['an anonymous caller', { type: '关爱走访' }, null, 'UNAUTHENTICATED', /请先登录微信/],
    ['a resident', { type: '关爱走访' }, OPENID.resident, 'FORBIDDEN', /社区工作者/],
    ['a community admin', { type: '关爱走访' }, OPENID.communityAdmin, 'FORBIDDEN', /社区工作者/],
    ['a type not in the list', { type: '喝茶' }, WORKER, 'INVALID_INPUT', /请选择服务类型：政策宣传、入户登记、帮办代办、矛盾调解、关爱走访、其他/],
    ['no type', {}, WORKER, 'INVALID_INPUT', /请选择服务类型/],
    ['a place of 31 characters', { type: '其他', place: '楼'.repeat(31) }, WORKER, 'INVALID_INPUT', /小区\/楼栋最多 30 个字/],
    ['a note of 101 characters', { type: '其他', note: '记'.repeat(101) }, WORKER, 'INVALID_INPUT', /备注最多 100 个字/],
    ['a worker code in the payload (identity is never the payload)', { type: '其他', workerCode: Y }, OPENID.resident, 'FORBIDDEN', /社区工作者/],
  ]
  it.each(refusals)('refuses %s and stores nothing', async (_title, payload, openid, code, message) => {
    expect(await call('visit.log', payload, openid)).toEqual({ ok: false, code, message: expect.stringMatching(message) })
    expect(await allVisits()).toEqual([])
  })

  it('stores nothing when the code cannot be made (e.g. WeChat refuses), and says why', async () => {
    const failing = { imageFor: () => Promise.reject(new ApiError('INTERNAL', '今天生成小程序码的次数已达上限，请明天再试。')) }
    const env = { openid: WORKER, store: api.store, now: NOW, moderation: api.moderation, codeImages: failing, secrets: testSecrets }
    expect(await dispatch({ action: 'visit.log', payload: { type: '关爱走访' } }, env, apiHandlers)).toEqual({
      ok: false,
      code: 'INTERNAL',
      message: '今天生成小程序码的次数已达上限，请明天再试。',
    })
    expect(await allVisits()).toEqual([])
  })
})

describe('visit.list', () => {
  it("lists the worker's own visits of the last 30 days, newest first, each with whether its feedback window is open by time — never whether it was rated, who, nor how", async () => {
    api.now = new Date(NOW.getTime() - 31 * DAY)
    await logVisit({ type: '其他' }) // 31 days ago: not listed
    api.now = new Date(NOW.getTime() - 10 * DAY)
    const old = await logVisit({ type: '入户登记', note: '登记新入住人员' }) // window (7 days) passed, nobody rated
    api.now = new Date(NOW.getTime() - 2 * DAY)
    const rated = await logVisit({ type: '矛盾调解', place: '银泉花园5栋' })
    api.now = new Date(NOW.getTime() - 60_000)
    const fresh = await logVisit({ type: '关爱走访' })
    api.now = new Date(NOW)
    dataOf(await call('feedback.submit', withKey({ visitCode: rated.visitCode, level: 4, comment: '调解得很公道' }), 'o-recipient-1'))
    await api.store.visits.putVisit({ visitCode: 'V-of-colleague', workerCode: Y, subdistrictId: 'sd-fushan', communityId: 'c-qinglong', type: '其他', place: '', note: '', at: NOW.toISOString() })

    const visits = dataOf<ResultOf<'visit.list'>>(await call('visit.list', {}, WORKER))
    expect(visits).toEqual([
      { visitCode: fresh.visitCode, type: '关爱走访', place: '', note: '', at: '2026-03-15T01:59:00.000Z', feedback: { open: true } },
      // Rated, but still within its 7 days: the same as a visit nobody rated (a 已评价 would flip at the moment of feedback).
      { visitCode: rated.visitCode, type: '矛盾调解', place: '银泉花园5栋', note: '', at: '2026-03-13T02:00:00.000Z', feedback: { open: true } },
      { visitCode: old.visitCode, type: '入户登记', place: '', note: '登记新入住人员', at: '2026-03-05T02:00:00.000Z', feedback: { open: false } },
    ])
    // The worker knows whom they served: the level (4) or the comment would be that person's verdict (trust rule 5).
    expect(JSON.stringify(visits)).not.toMatch(/o-recipient-1|调解得很公道|level|已评价/)
  })

  it('is empty for a worker with no visits, and for nobody else', async () => {
    expect(await call('visit.list', {}, WORKER)).toEqual({ ok: true, data: [] })
    expect(await call('visit.list', {}, OPENID.resident)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await call('visit.list', {}, OPENID.fushanStaff)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await call('visit.list', {}, null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  })
})

describe('visit.card', () => {
  it('tells anyone, even anonymous, who served them, the service and when — never the note or the place', async () => {
    const { visitCode } = await logVisit({ type: '关爱走访', place: '银泉花园3栋', note: '独居老人血压偏高' })
    const card = dataOf<VisitCard>(await call('visit.card', { visitCode }, null))
    expect(card).toEqual({
      workerCode: X,
      workerName: '张敏',
      type: '关爱走访',
      at: '2026-03-15T02:00:00.000Z',
      feedbackUntil: '2026-03-22T02:00:00.000Z', // 7 days (feedbackWindowDays) later
      feedbackOpen: true,
      closedBecause: null,
      ownVisit: false,
    })
    expect(JSON.stringify(card)).not.toMatch(/血压|银泉花园/)
  })

  it('tells the worker it is their own visit, and whether its window is open by time only — never that it was rated', async () => {
    const { visitCode } = await logVisit()
    const before = dataOf<VisitCard>(await call('visit.card', { visitCode }, WORKER))
    expect(before).toMatchObject({ ownVisit: true, feedbackOpen: true, closedBecause: null })
    dataOf(await call('feedback.submit', withKey({ visitCode, level: 1 }), 'o-recipient-1'))
    expect(dataOf<VisitCard>(await call('visit.card', { visitCode }, WORKER))).toEqual(before)
    // The person served (anyone but the worker) is told it is rated.
    expect(dataOf<VisitCard>(await call('visit.card', { visitCode }, 'o-recipient-1'))).toMatchObject({ feedbackOpen: false, closedBecause: 'rated' })
    api.now = new Date(NOW.getTime() + 7 * DAY)
    expect(dataOf<VisitCard>(await call('visit.card', { visitCode }, WORKER))).toMatchObject({ feedbackOpen: false, closedBecause: 'expired' })
  })

  it('says feedback closed once the visit is rated, or once its 7 days have passed', async () => {
    const rated = await logVisit()
    const late = await logVisit()
    dataOf(await call('feedback.submit', withKey({ visitCode: rated.visitCode, level: 5 }), 'o-recipient-1'))
    expect(dataOf<VisitCard>(await call('visit.card', { visitCode: rated.visitCode }, 'o-recipient-2'))).toMatchObject({ feedbackOpen: false, closedBecause: 'rated' })
    api.now = new Date(NOW.getTime() + 7 * DAY - 1)
    expect(dataOf<VisitCard>(await call('visit.card', { visitCode: late.visitCode }, null))).toMatchObject({ feedbackOpen: true, closedBecause: null })
    api.now = new Date(NOW.getTime() + 7 * DAY)
    expect(dataOf<VisitCard>(await call('visit.card', { visitCode: late.visitCode }, null))).toMatchObject({ feedbackOpen: false, closedBecause: 'expired' })
  })

  it('answers NOT_FOUND for a code no visit has, and INVALID_INPUT for one no code could be', async () => {
    expect(await call('visit.card', { visitCode: 'V0000000000000000' }, null)).toEqual({
      ok: false,
      code: 'NOT_FOUND',
      message: '没有找到这次服务，请确认扫的是工作者当场出示的评价码',
    })
    expect(await call('visit.card', { visitCode: '服务' }, null)).toEqual({ ok: false, code: 'INVALID_INPUT', message: '服务编号格式不对，请重新扫码' })
  })
})

describe('worker.qrcode', () => {
  it("gives a worker the code of the rating page with their own worker code as scene", async () => {
    const { image } = dataOf<ResultOf<'worker.qrcode'>>(await call('worker.qrcode', {}, WORKER))
    expect(image).toMatch(/^data:image\/png;base64,/)
    expect(image).toBe(await TEST_CODE_IMAGES.imageFor('pages/rate/index', X))
  })

  it('gives nobody else a code', async () => {
    expect(await call('worker.qrcode', {}, null)).toEqual({ ok: false, code: 'UNAUTHENTICATED', message: '请先登录微信' })
    for (const openid of [OPENID.resident, OPENID.communityAdmin, OPENID.bureau]) {
      expect(await call('worker.qrcode', {}, openid)).toEqual({ ok: false, code: 'FORBIDDEN', message: '只有绑定了工作者身份的社区工作者可以使用这个功能' })
    }
  })
})
