// Every page of the weapp build (dist/), compiled by WeChat's wcc and run on exparser, shows what the
// real handlers answer over the demo organisation (DESIGN sections 2, 5 and 7): the home page's entries
// by role as session.me says, the worker card and the five levels in words, and a sub-district's
// evaluation and score list with real names and numbers. Run `npm run build:weapp` first.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { addMonths, monthOf, periodLabel } from '@core/periods'
import type { EvaluationRow } from '@core/types'
import { DEMO_SUBDISTRICT_STAFF } from '@backend/demo/seed'
import { FOUR_POSTS } from '@backend/catalog/fourPosts'
import { dataOf } from '../support/apiHarness'
import { DIST } from './environment'
import { createWorld, RESIDENT_OPENID, type WeappWorld } from './harness'

const STAFF = { openid: DEMO_SUBDISTRICT_STAFF } // 浮山办事处 王科长
const BUREAU = { openid: 'dev-bureau' } // 市民政局 陈处长
const thisMonth = monthOf(new Date())
const lastMonth = addMonths(thisMonth, -1)

let world: WeappWorld
beforeEach(async () => {
  world = await createWorld()
})
afterEach(() => world.close())

/** What evaluation.get answers the sub-district's staff for a period: the page must show exactly this. */
async function evaluationRows(period: string): Promise<EvaluationRow[]> {
  const reply = await world.backend.call({ action: 'evaluation.get', payload: { period } }, STAFF.openid)
  return dataOf<{ rows: EvaluationRow[] }>(reply).rows
}

const fixed1 = (score: number | null | undefined) => (score === null || score === undefined ? '暂无' : score.toFixed(1))

it('has a check below for every page of the main package and the staff subpackage', () => {
  const app = JSON.parse(readFileSync(path.join(DIST, 'app.json'), 'utf8')) as { pages: string[]; subPackages: { root: string; pages: string[] }[] }
  const pages = [...app.pages, ...app.subPackages.flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`))]
  expect(pages.sort()).toEqual(['pages/case/index', 'pages/feedback/index', 'pages/hall/index', 'pages/index/index', 'pages/mygrid/index', 'pages/privacy/index', 'pages/rate/index', 'reports/city/index', 'reports/index/index', 'reports/trend/index', 'staff/appeals/index', 'staff/audit/index', 'staff/case/index', 'staff/cases/index', 'staff/comments/index', 'staff/community/index', 'staff/evaluation/index', 'staff/hall/index', 'staff/hallposter/index', 'staff/org/index', 'staff/posts/index', 'staff/review/index', 'staff/roster/index', 'staff/settings/index', 'staff/sheet/index', 'staff/workers/index', 'worker/appeals/index', 'worker/home/index', 'worker/invite/index', 'worker/poster/index', 'worker/visit/index'])
})

describe('home page (pages/index/index)', () => {
  it('offers a resident the scan, and no staff entry once session.me says resident', async () => {
    const page = await world.openPage('pages/index/index', {}, { openid: RESIDENT_OPENID })
    await page.waitForText('给社区工作者评个分')
    expect(page.findByText('扫一扫')).toHaveLength(1)
    expect(page.has('评价不记名，工作者看不到是谁评的。')).toBe(true)
    await world.settled(page)
    expect(world.callsOf('session.me')).toEqual([expect.objectContaining({ openid: RESIDENT_OPENID, reply: { ok: true, data: { role: 'resident' } } })])
    for (const staffOnly of ['工作人员', '查看评价结果', '录入街道评分']) expect(page.has(staffOnly)).toBe(false)
  })

  it("opens a visit's feedback page when the home page's 扫一扫 reads a visit's code, not the worker's rating page", async () => {
    world.setScan({ result: '', path: `pages/feedback/index?scene=${encodeURIComponent('Vab12CD34ef56GH7')}` })
    const home = await world.openPage('pages/index/index')
    await home.tap('扫一扫')
    await home.waitFor(() => world.navigations.length === 1, 'a navigation')
    expect(world.navigations).toEqual([{ kind: 'navigateTo', url: '/pages/feedback/index?scene=Vab12CD34ef56GH7' }])
  })

  it("opens the rating page of the worker whose mini-program code a resident scans (wx.scanCode's path)", async () => {
    world.setScan({ result: '', path: `pages/rate/index?scene=${encodeURIComponent('YQ07')}` })
    const home = await world.openPage('pages/index/index')
    await home.tap('扫一扫')
    await home.waitFor(() => world.navigations.length === 1, 'a navigation')
    expect(world.navigations).toEqual([{ kind: 'navigateTo', url: '/pages/rate/index?scene=YQ07' }])
    const rate = await world.follow(world.navigations[0])
    await rate.waitForText('您对孙桂兰的工作满意吗？')
  })

  it('says so when the scanned code is not a worker’s code', async () => {
    world.setScan({ result: 'https://mp.weixin.qq.com/s/2Rk4bYVd8PqM1xWzH7tLcA' }) // an article's QR code
    const home = await world.openPage('pages/index/index')
    await home.tap('扫一扫')
    await home.waitForText('这个二维码不是社区工作者的评价码，请对准工作者胸牌或服务点上的二维码再扫一次。')
    expect(world.navigations).toEqual([])
  })

  it('greets sub-district staff by name and opens the evaluation and the score entry', async () => {
    const page = await world.openPage('pages/index/index', {}, STAFF)
    await page.waitForText('浮山办事处 王科长')
    await page.tap('查看评价结果')
    await page.tap('录入街道评分')
    await page.waitFor(() => world.navigations.length === 2, 'two navigations')
    expect(world.navigations).toEqual([
      { kind: 'navigateTo', url: '/staff/evaluation/index' },
      { kind: 'navigateTo', url: '/staff/sheet/index' },
    ])
  })

  it('offers the bureau the evaluation but not the score entry, which is the sub-district’s', async () => {
    const page = await world.openPage('pages/index/index', {}, BUREAU)
    await page.waitForText('市民政局 陈处长')
    expect(page.findByText('查看评价结果')).toHaveLength(1)
    expect(page.has('录入街道评分')).toBe(false)
  })
})

describe('rating page (pages/rate/index)', () => {
  it("shows the worker's card from worker.card: name, post, where they serve and the post's duties", async () => {
    const page = await world.openPage('pages/rate/index', { scene: encodeURIComponent('YQ01') })
    await page.waitForText('您对刘建华的工作满意吗？')
    expect(world.callsOf('worker.card')).toEqual([expect.objectContaining({ payload: { workerCode: 'YQ01' }, reply: expect.objectContaining({ ok: true }) })])
    expect(page.textsOf('.worker-card__name')).toEqual(['刘建华'])
    expect(page.textsOf('.worker-card__post')).toEqual(['正职'])
    expect(page.textsOf('.worker-card__value')).toEqual(['银泉社区', '银泉花园网格', '468 户居民'])
    const duties = FOUR_POSTS.find((post) => post.name === '正职')?.duties
    expect(duties).toHaveLength(4)
    expect(page.textsOf('.worker-card__duty-text')).toEqual(duties)
  })

  it('offers the five levels in words, best first, with none chosen and nothing to submit yet', async () => {
    const page = await world.openPage('pages/rate/index', { scene: 'QL05' })
    await page.waitForText('您对韩雪的工作满意吗？')
    expect(page.textsOf('.level-choice .level-choice__label')).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意'])
    expect(page.all('.level-choice--chosen')).toHaveLength(0)
    expect(page.textsOf('.level-choice__tick')).toEqual(['', '', '', '', ''])
    expect(page.has('已选')).toBe(false)
    await page.tap('请先选择满意程度')
    await world.settled(page)
    expect(world.callsOf('rating.submit')).toHaveLength(0)
  })

  it("follows WeChat's font size setting (getAppBaseInfo().fontSizeScaleFactor)", async () => {
    world.setFontSizeScaleFactor(1.4)
    const page = await world.openPage('pages/rate/index', { scene: 'YQ01' })
    await page.waitForText('刘建华')
    expect(page.all('.screen').map((el) => el.getAttribute('style'))).toEqual([expect.stringContaining('--font-scale: 1.4')])
  })
})

describe('evaluation page (staff/evaluation/index)', () => {
  it('shows last month of the demo data row by row to sub-district staff, as evaluation.get answers', async () => {
    const page = await world.openPage('staff/evaluation/index', {}, STAFF)
    // This month starts empty in the demo: 30 workers, none graded yet.
    await page.waitForText(`${periodLabel(thisMonth)}：共 30 名工作者，优秀 0 名，不称职 0 名，未评定 30 名（暂定）`)
    await page.tap({ selector: '.period-chip', index: 1 }) // the chip after this month's: last month
    await page.waitForText(`${periodLabel(lastMonth)}：共 30 名工作者`)

    const rows = await evaluationRows(lastMonth)
    const excellent = rows.filter((row) => row.grade === '优秀').length
    expect(excellent).toBeGreaterThan(0)
    expect(excellent).toBeLessThanOrEqual(6) // at most 20% of 30 (the quota)
    const poor = rows.filter((row) => row.grade === '不称职').length
    expect(page.textsOf('.staff-summary')).toEqual([`${periodLabel(lastMonth)}：共 30 名工作者，优秀 ${excellent} 名，不称职 ${poor} 名`])
    expect(page.all('.eval-row')).toHaveLength(30)
    expect(page.textsOf('.eval-row__name')).toEqual(rows.map((row) => row.name))
    expect(page.textsOf('.eval-row__meta')).toEqual(rows.map((row) => `${row.workerCode} · ${row.community}`))
    expect(page.textsOf('.eval-row__total')).toEqual(rows.map((row) => fixed1(row.total)))
    expect(page.textsOf('.eval-row__result .grade')).toEqual(rows.map((row) => row.grade))
    expect(page.textsOf('.party__score')).toEqual(rows.flatMap((row) => [row.residents, row.recipients, row.subdistrict].map((party) => fixed1(party?.score))))
    // A party of 1 to 4 ratings says 样本不足 beside its count.
    const note = (party: { n: number } | null) => `${party?.n ?? 0} 条评价${party != null && party.n > 0 && party.n < 5 ? ' · 样本不足' : ''}`
    expect(page.textsOf('.party__n')).toEqual(rows.flatMap((row) => [note(row.residents), note(row.recipients), '街道打分']))
    // Real numbers: a month of demo activity gives every worker a total.
    expect(page.textsOf('.eval-row__total').filter((total) => /^\d+\.\d$/.test(total))).toHaveLength(30)
    expect(page.findByText(`录入${periodLabel(lastMonth)}街道评分 ›`)).toHaveLength(1)
  })

  it('tells a resident that the evaluation is for staff only', async () => {
    const page = await world.openPage('staff/evaluation/index', {}, { openid: RESIDENT_OPENID })
    await page.waitForText('您没有查看或录入这个街道评价的权限')
    expect(page.all('.eval-row')).toHaveLength(0)
  })
})
