// Appeals (申诉 / 复核) in the weapp build, rendered by WeChat's compiler over the demo
// organisation: a resident rates 刘建华 (dev-worker-YQ01) 非常不满意 on 11-20; the worker sees nothing of it
// while November runs, and from 12-01 sees it by month — never the day, never who — and appeals it with a
// reason, one key per intent; 浮山's staff see it pending and decide it with a required note; the worker
// then reads the outcome. The demo's activity (months before November) is out of the window: October's
// closed on 11-10. Run `npm run build:weapp` first.
import { DEMO_SUBDISTRICT_STAFF } from '@backend/demo/seed'
import { ratingToken } from '@backend/appeals/appealViews'
import { ratingRefId, residentRatingId } from '@backend/store/ids'
import { monthOf } from '@core/periods'
import { dataOf } from '../support/apiHarness'
import { withKey } from '../support/keys'
import { createWorld, RESIDENT_OPENID, type WeappWorld } from './harness'
import { TEST_SECRETS } from '../support/secrets'

// Rated 2026-11-20 01:00 China time (still 11-19 in UTC); November closes 12-01 00:00 China time, and on
// 12-01 00:30 China (still 11-30 in UTC) its window runs through 12-10: every day shown must be China's.
const RATED_AT = new Date('2026-11-19T17:00:00.000Z')
const CLOSED_AT = new Date('2026-11-30T16:30:00.000Z')
let now = RATED_AT
const WORKER = { openid: 'dev-worker-YQ01' } // 刘建华, 银泉社区
const STAFF = { openid: DEMO_SUBDISTRICT_STAFF } // 浮山办事处
const REASON = '当天我在社区服务大厅值班，没有到过这户，评价与事实不符'

let world: WeappWorld
beforeEach(async () => {
  now = RATED_AT
  world = await createWorld({ now: () => now })
})
afterEach(() => world.close())

/** A resident rates 刘建华 非常不满意 now, with a comment that passes moderation; the rating's document id. */
async function badRating(openid = RESIDENT_OPENID): Promise<string> {
  dataOf(await world.backend.call({ action: 'rating.submit', payload: withKey({ workerCode: 'YQ01', level: 1, comment: '上门太晚了' }) }, openid))
  return residentRatingId(openid, 'YQ01', monthOf(RATED_AT))
}

async function fileAppeal(ratingId: string): Promise<string> {
  dataOf(await world.backend.call({ action: 'appeal.file', payload: withKey({ token: ratingToken({ kind: 'resident', id: ratingId }, TEST_SECRETS.idKey), reason: REASON }) }, WORKER.openid))
  return ratingRefId({ kind: 'resident', id: ratingId }, TEST_SECRETS.idKey)
}

describe('差评申诉 (worker/appeals/index)', () => {
  it('shows nothing of a bad rating while its month runs, and says when it will be listed', async () => {
    await badRating()
    const page = await world.openPage('worker/appeals/index', {}, WORKER)
    await page.waitForText('现在没有可以申诉的差评')
    expect(page.has('上个月的“不满意”或“非常不满意”评价会在本月 1 日列在这里，10 天内可以申诉。')).toBe(true)
    expect(page.all('.bad-rating')).toHaveLength(0)
  })

  it('lists a bad rating once its month closed, with its level, kind, month and comment, and files an appeal with a reason', async () => {
    const ratingId = await badRating()
    now = CLOSED_AT
    const page = await world.openPage('worker/appeals/index', {}, WORKER)
    await page.waitForText('非常不满意 · 居民评价 · 2026年11月')
    expect(page.textsOf('.bad-rating__comment')).toEqual(['留言：上门太晚了'])
    // November closed: open 12-01 through 12-10, 10 days today included; the day of the rating is nowhere.
    expect(page.textsOf('.bad-rating__hint')).toEqual(['可申诉至 12月10日（还有 10 天）'])
    expect(page.text()).not.toContain('11月20日')
    expect(page.text()).not.toContain(RESIDENT_OPENID)

    await page.tap('申诉')
    await page.waitForText('申诉理由')
    await page.input({ selector: '.appeal-form__reason' }, REASON)
    await page.tap('提交申诉')
    await page.waitForText('审核中')
    expect(page.textsOf('.bad-rating__status-line')[0]).toBe(`我的申诉理由：${REASON}`)
    const [filed] = world.callsOf('appeal.file')
    expect(filed.payload).toEqual({ token: ratingToken({ kind: 'resident', id: ratingId }, TEST_SECRETS.idKey), reason: REASON, idempotencyKey: expect.any(String) })
    expect(await world.store.appeals.get(ratingRefId({ kind: 'resident', id: ratingId }, TEST_SECRETS.idKey))).toMatchObject({ workerCode: 'YQ01', status: 'pending', reason: REASON })
  })

  it('tells a resident that appeals are for workers', async () => {
    const page = await world.openPage('worker/appeals/index', {}, { openid: RESIDENT_OPENID })
    await page.waitForText('差评申诉只对社区工作者开放')
  })
})

describe('申诉复核 (staff/appeals/index)', () => {
  it('shows 浮山’s staff the pending appeal — worker, rating, reason, no rater — and keeps the rating on 维持原评价 with a note', async () => {
    const ratingId = await badRating()
    now = CLOSED_AT
    const appealId = await fileAppeal(ratingId)
    const page = await world.openPage('staff/appeals/index', {}, STAFF)
    await page.waitForText('待复核 1 条')
    expect(page.textsOf('.appeal-card__rating')).toEqual(['非常不满意 · 居民评价 · 11月20日'])
    expect(page.has(`申诉理由：${REASON}`)).toBe(true)
    expect(page.has('留言：上门太晚了')).toBe(true)
    expect(page.textsOf('.appeal-card__meta')).toEqual(['12月1日提出'])
    expect(page.text()).not.toContain(RESIDENT_OPENID)

    await page.tap('维持原评价') // no note yet: nothing is sent
    await world.settled(page)
    expect(world.callsOf('appeal.decide')).toHaveLength(0)
    await page.input({ selector: '.appeal-card__note' }, '回访评价人，确认上门晚了两小时')
    await page.tap('维持原评价')
    await page.waitForText('已处理 1 条')
    await page.waitForText('没有待复核的申诉')
    expect(page.has('复核意见：回访评价人，确认上门晚了两小时')).toBe(true)
    expect(page.textsOf('.appeal-card__outcome-title')).toEqual(['维持原评价 · 12月1日'])
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
