// The bad-review loop's pages (差评回访整改) in the weapp build, rendered by WeChat's compiler
// over the demo: a resident's 非常不满意 of YQ02 on 2026-11-20 (Fri) opens a case — call-back due Mon 11-23.
// 银泉's admin sees it in staff/cases (on 11-25 it is 2 working days over: 11-24 and 11-25, in red),
// records the call-back and the rectification on staff/case; the resident's home shows the notice and
// pages/case takes their verdict (three choices, none pre-selected); the worker's home says 有 1 条差评待整改 once
// the admin has recorded the call-back, and nothing before (trust rule 5: not at the moment of the rating).
// Run `npm run build:weapp` first.
import { DEMO_SUBDISTRICT_STAFF } from '@backend/demo/seed'
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

describe('staff/case/index: the phone number left for the call-back (trust rule 9)', () => {
  it('shows the number to 银泉’s admin while the case is open, 已留电话 to 浮山’s staff, and to the admin once closed', async () => {
    const caseId = await badRating()
    expect(await world.backend.call({ action: 'case.contact', payload: { caseId, phone: '13912345678' } }, RESIDENT_OPENID)).toMatchObject({ ok: true })
    const admin = await world.openPage('staff/case/index', { caseId }, ADMIN)
    await admin.waitForText('联系方式：13912345678')
    const staff = await world.openPage('staff/case/index', { caseId }, { openid: DEMO_SUBDISTRICT_STAFF })
    await staff.waitForText('联系方式：已留电话（号码只给负责回访的社区管理员看）')
    expect(staff.text()).not.toContain('13912345678')

    for (const [action, payload] of [['case.callback', { caseId, reached: true, outcome: '已电话联系，当面致歉' }], ['case.rectify', { caseId, note: '调整排班，上门前一天电话确认' }]] as const) {
      expect(await world.backend.call({ action, payload: { ...payload, idempotencyKey: `weapp-phone-${action}` } }, ADMIN.openid)).toMatchObject({ ok: true })
    }
    expect(await world.backend.call({ action: 'case.confirm', payload: { caseId, verdict: '满意', idempotencyKey: 'weapp-phone-confirm' } }, RESIDENT_OPENID)).toMatchObject({ ok: true })
    const closed = await world.openPage('staff/case/index', { caseId }, ADMIN)
    await closed.waitForText('联系方式：已留电话（办结或满 30 天后号码已删除）')
    expect(JSON.stringify(await world.store.cases.get(caseId))).not.toContain('13912345678')
  })
})

describe('pages/case/index and the notices', () => {
  it('the resident is told on the home page and gives 满意; the worker sees the case once called back, without the rater', async () => {
    const caseId = await badRating()
    const before = await world.openPage('worker/home/index', {}, { openid: 'dev-worker-YQ02' })
    await before.waitForText('我的评价结果')
    await world.settled(before)
    expect(world.callsOf('case.worker').map((call) => call.reply)).toEqual([{ ok: true, data: { cases: [] } }])
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
