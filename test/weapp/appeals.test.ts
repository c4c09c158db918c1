// Appeals (申诉 / 复核, issue 9 item 7) in the weapp build, rendered by WeChat's compiler over the demo
// organisation: the worker 刘建华 (dev-worker-YQ01) sees a resident's 非常不满意 of today — never who —
// and appeals it with a reason, one key per intent; 浮山's staff see it pending and decide it with a
// required note; the worker then reads the outcome. The backend's clock is the 20th of a month, so the
// demo's activity (months before it) is out of the 10-day window. Run `npm run build:weapp` first.
import { DEMO_SUBDISTRICT_STAFF } from '../../cloudfunctions/api/src/demo/seed'
import { ratingToken } from '../../cloudfunctions/api/src/domain/appeals'
import { ratingRefId } from '../../cloudfunctions/api/src/ids'
import { dataOf } from '../support/apiHarness'
import { withKey } from '../support/keys'
import { createWorld, RESIDENT_OPENID, type WeappWorld } from './harness'

// 2026-11-20 01:00 China time, still 11-19 in UTC: every day shown must be China's.
const NOW = new Date('2026-11-19T17:00:00.000Z')
const WORKER = { openid: 'dev-worker-YQ01' } // 刘建华, 银泉社区
const STAFF = { openid: DEMO_SUBDISTRICT_STAFF } // 浮山办事处
const REASON = '当天我在社区服务大厅值班，没有到过这户，评价与事实不符'

let world: WeappWorld
beforeEach(async () => {
  world = await createWorld({ now: () => NOW })
})
afterEach(() => world.close())

/** A resident rates 刘建华 非常不满意 now, with a comment that passes moderation; the rating's id. */
async function badRating(openid = RESIDENT_OPENID): Promise<string> {
  return dataOf<{ ratingId: string }>(await world.backend.call({ action: 'rating.submit', payload: withKey({ workerCode: 'YQ01', level: 1, comment: '上门太晚了' }) }, openid)).ratingId
}

async function fileAppeal(ratingId: string): Promise<string> {
  dataOf(await world.backend.call({ action: 'appeal.file', payload: withKey({ token: ratingToken({ kind: 'resident', id: ratingId }), reason: REASON }) }, WORKER.openid))
  return ratingRefId({ kind: 'resident', id: ratingId })
}

describe('差评申诉 (worker/appeals/index)', () => {
  it('says when there is no bad rating in the last 10 days', async () => {
    const page = await world.openPage('worker/appeals/index', {}, WORKER)
    await page.waitForText('近 10 天没有差评')
    expect(page.all('.bad-rating')).toHaveLength(0)
  })

  it('lists a bad rating with its level, kind, day and comment, and files an appeal with a reason', async () => {
    const ratingId = await badRating()
    const page = await world.openPage('worker/appeals/index', {}, WORKER)
    await page.waitForText('非常不满意 · 居民评价 · 11月20日')
    expect(page.textsOf('.bad-rating__comment')).toEqual(['留言：上门太晚了'])
    // Rated 11-20: open through 11-30, 11 days today included.
    expect(page.textsOf('.bad-rating__hint')).toEqual(['还可申诉 11 天'])
    expect(page.text()).not.toContain(RESIDENT_OPENID)

    await page.tap('申诉')
    await page.waitForText('申诉理由')
    await page.input({ selector: '.appeal-form__reason' }, REASON)
    await page.tap('提交申诉')
    await page.waitForText('审核中')
    expect(page.textsOf('.bad-rating__status-line')[0]).toBe(`我的申诉理由：${REASON}`)
    const [filed] = world.callsOf('appeal.file')
    expect(filed.payload).toEqual({ token: ratingToken({ kind: 'resident', id: ratingId }), reason: REASON, idempotencyKey: expect.any(String) })
    expect(await world.store.appeals.get(ratingRefId({ kind: 'resident', id: ratingId }))).toMatchObject({ workerCode: 'YQ01', status: 'pending', reason: REASON })
  })

  it('tells a resident that appeals are for workers', async () => {
    const page = await world.openPage('worker/appeals/index', {}, { openid: RESIDENT_OPENID })
    await page.waitForText('差评申诉只对社区工作者开放')
  })
})

describe('申诉复核 (staff/appeals/index)', () => {
  it('shows 浮山’s staff the pending appeal — worker, rating, reason, no rater — and keeps the rating on 维持原评价 with a note', async () => {
    const appealId = await fileAppeal(await badRating())
    const page = await world.openPage('staff/appeals/index', {}, STAFF)
    await page.waitForText('待复核 1 条')
    expect(page.textsOf('.appeal-card__rating')).toEqual(['非常不满意 · 居民评价 · 11月20日'])
    expect(page.has(`申诉理由：${REASON}`)).toBe(true)
    expect(page.has('留言：上门太晚了')).toBe(true)
    expect(page.textsOf('.appeal-card__meta')).toEqual(['11月20日提出'])
    expect(page.text()).not.toContain(RESIDENT_OPENID)

    await page.tap('维持原评价') // no note yet: nothing is sent
    await world.settled(page)
    expect(world.callsOf('appeal.decide')).toHaveLength(0)
    await page.input({ selector: '.appeal-card__note' }, '回访评价人，确认上门晚了两小时')
    await page.tap('维持原评价')
    await page.waitForText('已处理 1 条')
    await page.waitForText('没有待复核的申诉')
    expect(page.has('复核意见：回访评价人，确认上门晚了两小时')).toBe(true)
    expect(page.textsOf('.appeal-card__outcome-title')).toEqual(['维持原评价 · 11月20日'])
    expect(world.callsOf('appeal.decide')[0].payload).toEqual({ appealId, decision: 'reject', note: '回访评价人，确认上门晚了两小时', idempotencyKey: expect.any(String) })
    expect(await world.store.appeals.get(appealId)).toMatchObject({ status: 'rejected' })

    // The worker reads the outcome.
    const worker = await world.openPage('worker/appeals/index', {}, WORKER)
    await worker.waitForText('申诉未成立：维持原评价')
    expect(worker.has('街道复核意见：回访评价人，确认上门晚了两小时')).toBe(true)
  })

  it('is not for a community admin', async () => {
    const page = await world.openPage('staff/appeals/index', {}, { openid: 'dev-community-yinquan' })
    await page.waitForText('这里只对街道工作人员和市民政局开放')
    expect(world.callsOf('appeal.list')).toHaveLength(0)
  })
})
