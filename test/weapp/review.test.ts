// The review queue (staff/review/index) in the weapp build, rendered by WeChat's compiler
// over the demo: its burst (12 first-time raters of 唐建国, QL06, within an hour on the 18th of last month,
// 6 from one address) waits for 浮山's staff with the reasons in words and a pseudonym, never the openid;
// 保留 keeps one (it counts on), 排除 needs a reason and takes one out of the counting; 温泉's staff see an
// empty queue, a resident is told the page is not theirs. Run `npm run build:weapp` first.
import { DEMO_SECOND_SUBDISTRICT_STAFF, DEMO_SUBDISTRICT_STAFF } from '@backend/demo/seed'
import { pseudonymOf } from '@backend/secrets/pseudonyms'
import { residentRatingId } from '@backend/store/ids'
import { createWorld, RESIDENT_OPENID, type WeappWorld } from './harness'
import { TEST_SECRETS } from '../support/secrets'

// 2026-11-20 10:00 China time: the burst is on 2026-10-18.
const NOW = new Date('2026-11-20T02:00:00.000Z')
const STAFF = { openid: DEMO_SUBDISTRICT_STAFF }

let world: WeappWorld
beforeEach(async () => {
  world = await createWorld({ now: () => NOW })
})
afterEach(() => world.close())

describe('staff/review/index', () => {
  it('lists the 12 flagged ratings with the worker, level in words, time, reasons and a pseudonym', async () => {
    const page = await world.openPage('staff/review/index', {}, STAFF)
    await page.waitForText('待复核 12 条')
    expect(page.textsOf('.review-card__who')[0]).toBe('唐建国 青龙社区 · QL06')
    // Flagged together, they read in the order they came: seed-burst-1 at 19:00 China time, then every 5 minutes.
    const metas = page.textsOf('.review-card__meta')
    expect(metas).toHaveLength(12)
    expect(metas[0]).toBe(`10月18日 19:00 评价 · ${pseudonymOf('seed-burst-1', TEST_SECRETS.pseudonymKey)}`)
    expect(metas[11]).toBe(`10月18日 19:55 评价 · ${pseudonymOf('seed-burst-12', TEST_SECRETS.pseudonymKey)}`)
    expect(page.textsOf('.review-card__rating')).toContain('满意 · 居民评价')
    expect(page.has('· 一小时内收到的评价远多于平时')).toBe(true)
    expect(page.has('· 同一网络地址一小时内有 5 位以上评价人')).toBe(true)
    expect(page.text()).not.toMatch(/seed-burst|198\.51/)
  })

  it('保留 keeps a rating; 排除 waits for a reason, then takes the rating out of the counting', async () => {
    const page = await world.openPage('staff/review/index', {}, STAFF)
    await page.waitForText('待复核 12 条')
    await page.tap({ selector: '.review-card__decide .big-button--secondary', index: 0 })
    await page.waitForText('已复核 1 条')
    expect(page.has('待复核 11 条')).toBe(true)
    expect(page.has(/已保留，照常计分/)).toBe(true)
    expect(world.callsOf('review.decide')[0]).toMatchObject({ payload: { decision: 'keep' }, reply: { ok: true, data: { status: 'kept' } } })

    // 排除 is disabled until a reason of 2+ characters is written: tapping it sends nothing.
    await page.tap({ selector: '.review-card__second', index: 0 })
    expect(world.callsOf('review.decide')).toHaveLength(1)
    await page.input({ selector: '.review-card__note', index: 0 }, '同一地址连续评价，电话回访无此人')
    await page.tap({ selector: '.review-card__second', index: 0 })
    await page.waitForText('已复核 2 条')
    expect(page.has(/已排除，不再计分/)).toBe(true)
    expect(page.has('理由：同一地址连续评价，电话回访无此人')).toBe(true)
    const excluded = world.callsOf('review.decide')[1]
    expect(excluded).toMatchObject({ payload: { decision: 'exclude', reason: '同一地址连续评价，电话回访无此人' }, reply: { ok: true, data: { status: 'excluded' } } })
    const ids = Array.from({ length: 12 }, (_, i) => residentRatingId(`seed-burst-${i + 1}`, 'QL06', '2026-10'))
    const stored = await Promise.all(ids.map((id) => world.store.getResidentRating(id)))
    expect(stored.filter((r) => r?.excluded !== undefined).map((r) => r?.excluded?.reason)).toEqual(['同一地址连续评价，电话回访无此人'])
  })

  it('decides the burst at once: 12 条都排除 waits for a reason, then takes all 12 out with it', async () => {
    const page = await world.openPage('staff/review/index', {}, STAFF)
    await page.waitForText('这 12 条评价是同一次检查一起标记的')
    await page.tap('12 条都排除')
    expect(world.callsOf('review.decideBatch')).toEqual([])
    await page.input({ selector: '.review-burst__note', index: 0 }, '同一地址连续评价，电话回访无此人')
    await page.tap('12 条都排除')
    await page.waitForText('已复核 12 条')
    expect(page.has('这 12 条评价是同一次检查一起标记的')).toBe(false)
    expect(world.callsOf('review.decideBatch')[0]).toMatchObject({ payload: { decision: 'exclude', reason: '同一地址连续评价，电话回访无此人' }, reply: { ok: true, data: { decided: 12, alreadyDecided: 0 } } })
    const ids = Array.from({ length: 12 }, (_, i) => residentRatingId(`seed-burst-${i + 1}`, 'QL06', '2026-10'))
    const stored = await Promise.all(ids.map((id) => world.store.getResidentRating(id)))
    expect(stored.map((r) => r?.excluded?.reason)).toEqual(Array(12).fill('同一地址连续评价，电话回访无此人'))
  })

  it('tells 温泉’s staff there is nothing to review, and a resident that the page is for staff', async () => {
    const wenquan = await world.openPage('staff/review/index', {}, { openid: DEMO_SECOND_SUBDISTRICT_STAFF })
    await wenquan.waitForText('没有待复核的评价')
    const resident = await world.openPage('staff/review/index', {}, { openid: RESIDENT_OPENID })
    await resident.waitForText('这里只对街道工作人员和市民政局开放')
    await world.settled(resident)
    expect(world.callsOf('review.list').filter((call) => call.openid === RESIDENT_OPENID)).toEqual([])
  })
})
