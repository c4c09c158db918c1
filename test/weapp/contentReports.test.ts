// 投诉/举报 in the weapp build, rendered by WeChat's compiler over the demo. A worker (刘建华, YQ01) reads a
// closed month's passed comments on their home page, taps 举报 beside one, picks 辱骂/人身攻击 and 提交举报:
// 已提交，我们会尽快处理 in its place, comment.report sent with the sealed token, the comment held for 留言审核.
// A resident reads the rectification note of their case (pages/case), reports it (泄露隐私); 浮山's staff find
// it in 留言审核 with the reason and hide it (不通过，隐藏); the resident then reads 整改说明已被隐藏, not the note.
// Run `npm run build:weapp` first.
import { DEMO_SUBDISTRICT_STAFF } from '@backend/demo/seed'
import { residentRatingId } from '@backend/store/ids'
import { addMonths, monthOf } from '@core/periods'
import { dataOf } from '../support/apiHarness'
import { createWorld, RESIDENT_OPENID, type WeappWorld } from './harness'

let world: WeappWorld
afterEach(() => world.close())

describe('worker/home/index: 举报 beside a comment', () => {
  it('sends the report with the reason chosen, says 已提交，我们会尽快处理, and the comment goes back to the moderators', async () => {
    // Rated now, read once the month has closed (trust rule 5): the backend's clock then moves to the 1st of next month.
    const thisMonth = monthOf(new Date())
    let clock = new Date()
    world = await createWorld({ now: () => clock })
    for (const [i, level] of [5, 4, 4, 5, 3].entries()) {
      const comment = i === 1 ? { comment: '你就是个混日子的废物' } : {}
      dataOf(await world.backend.call({ action: 'rating.submit', payload: { workerCode: 'YQ01', level, ...comment, idempotencyKey: `weapp-report-${i}` } }, `weapp-report-rater-${i}`))
    }
    clock = new Date(`${addMonths(thisMonth, 1)}-01T02:00:00.000Z`)
    const page = await world.openPage('worker/home/index', {}, { openid: 'dev-worker-YQ01' })
    await page.tap({ selector: '.worker-chip', index: 3 }) // this month, by the page's clock; closed by the backend's
    await page.waitForText('“你就是个混日子的废物”')
    expect(page.has('举报这条留言')).toBe(false)
    await page.tap({ selector: '.report-sheet__link' })
    await page.waitForText('举报这条留言')
    expect(page.textsOf('.report-sheet__choice')).toEqual(['辱骂/人身攻击', '泄露隐私', '广告/无关内容', '其他'])
    // None pre-selected.
    expect(page.all('.level-choice--chosen')).toHaveLength(0)
    await page.tap({ selector: '.report-sheet__choice', index: 0 })
    await page.tap({ selector: '.report-sheet__submit' })
    await page.waitForText('已提交，我们会尽快处理')
    expect(page.has('举报这条留言')).toBe(false)
    const [sent] = world.callsOf('comment.report')
    expect(sent).toMatchObject({ payload: { kind: 'resident', reason: '辱骂/人身攻击' }, reply: { ok: true, data: { already: false } } })
    expect(JSON.stringify(sent.payload)).not.toMatch(/weapp-report-rater|residentRating/)
    expect(page.text()).not.toMatch(/weapp-report-rater|评价人 [A-Z2-9]{6}/)
    expect(await world.store.getResidentRating(residentRatingId('weapp-report-rater-1', 'YQ01', thisMonth))).toMatchObject({ commentStatus: 'review', level: 4 })
  })
})

describe('pages/case/index: 举报 beside the rectification note', () => {
  const NOTE = '已批评教育，该居民住3栋2单元，以后注意'
  it('reports the note; staff hide it in 留言审核; the resident then reads 整改说明已被隐藏', async () => {
    world = await createWorld()
    const ADMIN = 'dev-community-yinquan'
    dataOf(await world.backend.call({ action: 'rating.submit', payload: { workerCode: 'YQ02', level: 1, comment: '约好上门没有来', idempotencyKey: 'weapp-note-0001' } }, RESIDENT_OPENID))
    const [c] = await world.store.cases.listByRater(RESIDENT_OPENID)
    dataOf(await world.backend.call({ action: 'case.callback', payload: { caseId: c.id, reached: true, outcome: '已电话联系', idempotencyKey: 'weapp-note-0002' } }, ADMIN))
    dataOf(await world.backend.call({ action: 'case.rectify', payload: { caseId: c.id, note: NOTE, idempotencyKey: 'weapp-note-0003' } }, ADMIN))

    const page = await world.openPage('pages/case/index', { caseId: c.id }, { openid: RESIDENT_OPENID })
    await page.waitForText(NOTE)
    await page.tap({ selector: '.report-sheet__link' })
    await page.waitForText('举报这条整改说明')
    await page.tap({ selector: '.report-sheet__choice', index: 1 })
    await page.tap({ selector: '.report-sheet__submit' })
    await page.waitForText('已提交，我们会尽快处理')
    expect(world.callsOf('note.report')).toEqual([expect.objectContaining({ payload: { caseId: c.id, reason: '泄露隐私' }, reply: { ok: true, data: { already: false } } })])

    const staff = await world.openPage('staff/comments/index', {}, { openid: DEMO_SUBDISTRICT_STAFF })
    await staff.waitForText('被举报的整改说明 · 原因：泄露隐私')
    expect(staff.has(`“${NOTE}”`)).toBe(true)
    expect(staff.text()).not.toContain(RESIDENT_OPENID)
    await staff.tap('不通过，隐藏')
    await staff.waitForText('已隐藏')
    expect((await world.store.cases.get(c.id))?.noteHidden).toMatchObject({ by: DEMO_SUBDISTRICT_STAFF })

    const again = await world.openPage('pages/case/index', { caseId: c.id }, { openid: RESIDENT_OPENID })
    await again.waitForText('整改说明已被隐藏')
    expect(again.has(NOTE)).toBe(false)
    expect(again.all('.report-sheet__link')).toHaveLength(0)
    // The rest of the case is intact: the resident still rates the rectification.
    expect(again.has('您对这次整改满意吗？')).toBe(true)
  })
})
