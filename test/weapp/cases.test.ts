// The bad-review loop's pages (差评回访整改) in the weapp build, rendered by WeChat's compiler
// over the demo: a resident's 非常不满意 of YQ02 on 2026-11-20 (Fri) opens a case — call-back due Mon 11-23.
// 银泉's admin sees it in staff/cases (on 11-25 it is 2 working days over: 11-24 and 11-25, in red),
// records the call-back and the rectification on staff/case; the resident's home shows the notice and
// pages/case takes their verdict (three choices, none pre-selected); the worker's home says 有 1 条差评待整改 once
// the admin has recorded the call-back, and nothing before (trust rule 5: not at the moment of the rating).
// An appeal upheld on 12-01 closes the case as 评价已撤销 on the admin's pages and the worker's home; a resident
// who left the result screen without answering 留下电话 / 不需要回访 is asked on the home page.
// Run `npm run build:weapp` first.
import { DEMO_SUBDISTRICT_STAFF } from '@backend/demo/seed'
import { ratingToken } from '@backend/appeals/appealViews'
import { residentRatingId } from '@backend/store/ids'
import { TEST_SECRETS } from '../support/secrets'
import { createWorld, RESIDENT_OPENID, type WeappWorld } from './harness'

let now = new Date('2026-11-20T02:00:00.000Z')
const ADMIN = { openid: 'dev-community-yinquan' }

let world: WeappWorld
beforeEach(async () => {
  now = new Date('2026-11-20T02:00:00.000Z')
  world = await createWorld({ now: () => now })
})
afterEach(() => world.close())

async function badRating(): Promise<string> {
  const reply = await world.backend.call({ action: 'rating.submit', payload: { workerCode: 'YQ02', level: 1, comment: '约好上门没有来', idempotencyKey: 'weapp-case-0001' } }, RESIDENT_OPENID)
  expect(reply).toMatchObject({ ok: true })
  const [c] = await world.store.cases.listByRater(RESIDENT_OPENID)
  return c.id
}

describe('staff/cases/index and staff/case/index', () => {
  it('lists the case overdue in red by working days, then records call-back and rectification', async () => {
    const caseId = await badRating()
    now = new Date('2026-11-25T02:00:00.000Z')
    const list = await world.openPage('staff/cases/index', {}, ADMIN)
    await list.waitForText('未办结 1 条，其中逾期 1 条')
    expect(list.textsOf('.case-row__stage')).toEqual(['回访逾期 2 个工作日'])
    expect(list.text()).not.toContain(RESIDENT_OPENID)

    const page = await world.openPage('staff/case/index', { caseId }, ADMIN)
    await page.waitForText('回访情况')
    expect(page.has('非常不满意')).toBe(true)
    // A comment is shown only once it passed moderation: the demo's keyword list passes this one.
    expect(page.has('留言：约好上门没有来')).toBe(true)
    await page.input({ selector: '.case-form__note' }, '已电话联系，当面致歉')
    await page.tap({ selector: '.big-button--primary' })
    await page.waitForText('整改情况')
    expect(world.callsOf('case.callback')[0]).toMatchObject({ payload: { caseId, reached: true }, reply: { ok: true } })
    await page.input({ selector: '.case-form__note' }, '调整排班，上门前一天电话确认')
    await page.tap({ selector: '.big-button--primary' })
    await page.waitForText('已通知评价人，等待评价整改结果')
  })
})

describe('staff/case/index: a message to the rater that could not be sent', () => {
  it('says why on the case, in place of 已通知评价人', async () => {
    const caseId = await badRating()
    for (const [action, payload] of [['case.callback', { caseId, reached: true, outcome: '已电话联系，当面致歉' }], ['case.rectify', { caseId, note: '调整排班，上门前一天电话确认' }]] as const) {
      expect(await world.backend.call({ action, payload: { ...payload, idempotencyKey: `weapp-notice-${action}` } }, ADMIN.openid)).toMatchObject({ ok: true })
    }
    // What the cloud's notifier keeps when WeChat answers 47003 (test/cloud/caseNotice.test.ts); locally nothing is sent.
    const rectified = await world.store.cases.get(caseId)
    if (rectified === null) throw new Error('the case is gone')
    const failure = { at: now.toISOString(), message: '通知居民失败：模板参数不符（47003），请联系管理员核对 SUBSCRIBE_KEYWORDS' }
    expect(await world.store.cases.update({ ...rectified, notifyFailure: failure, version: rectified.version + 1 })).toBe(true)
    const page = await world.openPage('staff/case/index', { caseId }, ADMIN)
    await page.waitForText('通知居民失败：模板参数不符（47003），请联系管理员核对 SUBSCRIBE_KEYWORDS')
    expect(page.has('2026-11-20 发送整改通知时')).toBe(true)
    expect(page.has('已通知评价人，等待评价整改结果')).toBe(false)
  })
})

describe('staff/case/index: the phone number left for the call-back (trust rule 9)', () => {
  it('shows the number to 银泉’s admin while the case is open, 已留电话 to 浮山’s staff, and to the admin once closed', async () => {
    const caseId = await badRating()
    expect(await world.backend.call({ action: 'case.contact', payload: { caseId, phone: '13912345678' } }, RESIDENT_OPENID)).toMatchObject({ ok: true })
    const admin = await world.openPage('staff/case/index', { caseId }, ADMIN)
    await admin.waitForText('点号码即可拨打')
    // 联系方式 under its own heading; the number is a tap to call it (makePhoneCall).
    expect(admin.textsOf('.case-detail__phone')).toEqual(['13912345678'])
    const staff = await world.openPage('staff/case/index', { caseId }, { openid: DEMO_SUBDISTRICT_STAFF })
    await staff.waitForText('已留电话（号码只给负责回访的社区管理员看）')
    expect(staff.textsOf('.case-detail__phone')).toEqual([])
    await admin.tap({ selector: '.case-detail__phone' })
    await admin.waitFor(() => world.phoneCalls.length === 1, 'the call offered')
    expect(world.phoneCalls).toEqual(['13912345678'])
    expect(staff.text()).not.toContain('13912345678')

    for (const [action, payload] of [['case.callback', { caseId, reached: true, outcome: '已电话联系，当面致歉' }], ['case.rectify', { caseId, note: '调整排班，上门前一天电话确认' }]] as const) {
      expect(await world.backend.call({ action, payload: { ...payload, idempotencyKey: `weapp-phone-${action}` } }, ADMIN.openid)).toMatchObject({ ok: true })
    }
    expect(await world.backend.call({ action: 'case.confirm', payload: { caseId, verdict: '满意', idempotencyKey: 'weapp-phone-confirm' } }, RESIDENT_OPENID)).toMatchObject({ ok: true })
    const closed = await world.openPage('staff/case/index', { caseId }, ADMIN)
    await closed.waitForText('已留电话（办结或满 30 天后号码已删除）')
    expect(JSON.stringify(await world.store.cases.get(caseId))).not.toContain('13912345678')
  })
})

describe('pages/case/index and the notices', () => {
  it('the resident is told on the home page and gives 满意; the worker sees the case once called back, without the rater', async () => {
    const caseId = await badRating()
    const before = await world.openPage('worker/home/index', {}, { openid: 'dev-worker-YQ02' })
    await before.waitForText('我的评价结果')
    await world.settled(before)
    expect(world.callsOf('case.worker').map((call) => call.reply)).toEqual([{ ok: true, data: { cases: [], today: '2026-11-20' } }])
    expect(before.has('条差评待整改')).toBe(false)

    const steps = [['case.callback', { caseId, reached: false, outcome: '无法联系' }], ['case.rectify', { caseId, note: '调整排班，上门前一天电话确认' }]] as const
    const [callback, rectify] = steps
    expect(await world.backend.call({ action: callback[0], payload: { ...callback[1], idempotencyKey: 'weapp-case.callback' } }, ADMIN.openid)).toMatchObject({ ok: true })
    const worker = await world.openPage('worker/home/index', {}, { openid: 'dev-worker-YQ02' })
    await worker.waitForText('有 1 条差评待整改')
    expect(worker.textsOf('.worker-cases__line')).toEqual(['11月 · 非常不满意 · 待整改'])
    expect(worker.text()).not.toContain(RESIDENT_OPENID)
    expect(await world.backend.call({ action: rectify[0], payload: { ...rectify[1], idempotencyKey: 'weapp-case.rectify' } }, ADMIN.openid)).toMatchObject({ ok: true })
    const home = await world.openPage('pages/index/index', {}, { openid: RESIDENT_OPENID })
    await home.waitForText('您反映的问题已整改')
    const page = await world.openPage('pages/case/index', { caseId }, { openid: RESIDENT_OPENID })
    await page.waitForText('您对这次整改满意吗？')
    expect(page.textsOf('.level-choice__label')).toEqual(['满意', '基本满意', '不满意'])
    expect(page.textsOf('.level-choice__tick')).toEqual(['', '', ''])
    await page.tap({ selector: '.level-choice', index: 0 })
    await page.tap({ selector: '.case-verdict__submit' })
    await page.waitForText('您对整改的评价：满意')
    expect((await world.store.cases.get(caseId))?.confirmation?.verdict).toBe('满意')
  })
})

describe('an upheld appeal closes the case as 评价已撤销', () => {
  const WORKER = { openid: 'dev-worker-YQ02' }
  const NOTE = '监控显示当天未入户，差评不实'
  /** On 12-01 (November closed, its window open), YQ02 appeals the rating and 浮山's staff uphold it. */
  async function upheld(caseId: string): Promise<void> {
    now = new Date('2026-12-01T02:00:00.000Z')
    const token = ratingToken({ kind: 'resident', id: residentRatingId(RESIDENT_OPENID, 'YQ02', '2026-11') }, TEST_SECRETS.idKey)
    const filed = { action: 'appeal.file', payload: { token, reason: '当天我在社区值班，没有入户，评价与事实不符', idempotencyKey: 'weapp-withdraw-file' } }
    expect(await world.backend.call(filed, WORKER.openid)).toMatchObject({ ok: true })
    // The appeal and the case of one rating share its id.
    const decided = { action: 'appeal.decide', payload: { appealId: caseId, decision: 'uphold', note: NOTE, idempotencyKey: 'weapp-withdraw-decide' } }
    expect(await world.backend.call(decided, DEMO_SUBDISTRICT_STAFF)).toMatchObject({ ok: true })
  }

  it('the admin’s list no longer counts it overdue, and its page says why and offers no form', async () => {
    const caseId = await badRating()
    now = new Date('2026-12-01T02:00:00.000Z')
    const before = await world.openPage('staff/cases/index', {}, ADMIN)
    await before.waitForText('未办结 1 条，其中逾期 1 条')
    await upheld(caseId)
    const list = await world.openPage('staff/cases/index', {}, ADMIN)
    await list.waitForText('未办结 0 条')
    expect(list.textsOf('.case-row__stage')).toEqual(['评价已撤销'])
    expect(list.has('其中逾期')).toBe(false)
    const page = await world.openPage('staff/case/index', { caseId }, ADMIN)
    await page.waitForText(`复核意见：${NOTE}`)
    expect(page.textsOf('.case-row__stage')).toEqual(['评价已撤销'])
    expect(page.has('已联系上，保存回访')).toBe(false)
  })

  it('the worker’s home says 评价已撤销 instead of 待整改', async () => {
    const caseId = await badRating()
    const callback = { action: 'case.callback', payload: { caseId, reached: true, outcome: '已电话联系，当面致歉', idempotencyKey: 'weapp-withdraw-callback' } }
    expect(await world.backend.call(callback, ADMIN.openid)).toMatchObject({ ok: true })
    await upheld(caseId)
    const home = await world.openPage('worker/home/index', {}, WORKER)
    await home.waitForText('申诉成立，1 条差评已撤销')
    expect(home.textsOf('.worker-cases__line')).toEqual(['11月 · 非常不满意 · 评价已撤销'])
    expect(home.has('条差评待整改')).toBe(false)
  })
})

describe('pages/index/index: the call-back choice left on the result screen', () => {
  it('asks 留下电话 / 不需要回访 on the home page until the resident answers', async () => {
    const caseId = await badRating()
    const home = await world.openPage('pages/index/index', {}, { openid: RESIDENT_OPENID })
    await home.waitForText('社区会回访您')
    await home.tap('不需要回访')
    await home.waitForText('已告诉社区，谢谢您')
    expect(world.callsOf('case.contact')[0]).toMatchObject({ payload: { caseId, none: true }, reply: { ok: true } })
    const again = await world.openPage('pages/index/index', {}, { openid: RESIDENT_OPENID })
    await again.waitForText('扫一扫')
    await world.settled(again)
    expect(again.has('社区会回访您')).toBe(false)
  })
})
