// The worker's side of 一次一评 and their poster, in the weapp build: log a visit (the six types,
// place and note), see its code big with what to say, and the visit at the top of my recent visits; the
// poster with name, post, grid and the worker's own code, saved to the album with the permission asked the
// way WeChat allows. Codes here are made as the cloud makes them: cloud file IDs.
import type { CodeImages } from '@backend/context'
import { dataOf } from '../support/apiHarness'
import { createWorld, RESIDENT_OPENID, type WeappWorld } from './harness'
import { withKey } from '../support/keys'

const WORKER = 'dev-worker-YQ01' // 刘建华, 正职, 银泉花园网格 (468 户)

/** As cloudCodeImages answers: a file ID in cloud storage, one per page and scene. */
const cloudCodes: CodeImages = {
  imageFor: async (page, scene) => `cloud://prod-env.7072-prod-env/codes/${page.replace(/\//g, '_')}-${scene}.png`,
}

let world: WeappWorld
beforeEach(async () => {
  world = await createWorld({ codeImages: cloudCodes })
})
afterEach(() => world.close())

describe('visit page (worker/visit/index)', () => {
  it("logs a visit and shows its code big, then lists it first among my visits as 评价期内", async () => {
    const page = await world.openPage('worker/visit/index', {}, { openid: WORKER })
    await page.waitForText('服务类型')
    expect(page.textsOf('.visit-type__label')).toEqual(['政策宣传', '入户登记', '帮办代办', '矛盾调解', '关爱走访', '其他'])
    expect(page.all('.visit-type--chosen')).toHaveLength(0)
    await page.tap('请先选择服务类型')
    await world.settled(page)
    expect(world.callsOf('visit.log')).toHaveLength(0) // nothing to log without a type

    await page.tap('关爱走访')
    await page.waitFor(() => page.textsOf('.visit-type--chosen .visit-type__label').join() === '关爱走访', '关爱走访 chosen')
    await page.input({ selector: '.visit-page__place' }, '银泉花园3栋')
    await page.input({ selector: '.visit-page__note' }, '独居老人，血压正常')
    await page.tap('生成评价码')

    await page.waitForText('请服务对象用微信扫一扫，评价这次服务')
    const [logged] = world.callsOf('visit.log')
    expect(logged.payload).toEqual({ type: '关爱走访', place: '银泉花园3栋', note: '独居老人，血压正常' })
    const { visitCode, image } = dataOf<{ visitCode: string; image: string }>(logged.reply)
    expect(image).toBe(`cloud://prod-env.7072-prod-env/codes/pages_feedback_index-${visitCode}.png`)
    expect(await page.attr({ selector: '.visit-code__image' }, 'src')).toBe(image)
    expect(page.textsOf('.visit-code__what')).toEqual([expect.stringMatching(/^关爱走访 · 今天 \d\d:\d\d · 银泉花园3栋$/)])
    expect(await world.store.visits.getVisit(visitCode)).toEqual(expect.objectContaining({ workerCode: 'YQ01', type: '关爱走访', place: '银泉花园3栋', note: '独居老人，血压正常' }))

    // My visits, reloaded: this one first, waiting for its feedback.
    await page.waitFor(() => /^关爱走访今天 \d\d:\d\d · 银泉花园3栋独居老人，血压正常评价期内$/.test(page.textsOf('.visit-list__row')[0] ?? ''), 'the new visit first in the list')
    expect(world.callsOf('visit.list').map((call) => call.openid)).toEqual([WORKER, WORKER]) // on opening, and after logging

    await page.tap('再记录一次服务')
    await page.waitForText('请先选择服务类型')
    expect(page.all('.visit-type--chosen')).toHaveLength(0)
  })

  it('shows a visit the person served has rated as any other in its window, 评价期内 — never that it was rated, nor how', async () => {
    const { visitCode } = dataOf<{ visitCode: string }>(await world.backend.call({ action: 'visit.log', payload: { type: '矛盾调解' } }, WORKER))
    // The person served thought it 不满意: the worker's list must not say so, nor that they rated at all.
    dataOf(await world.backend.call({ action: 'feedback.submit', payload: withKey({ visitCode, level: 2 }) }, 'weapp-recipient-2'))
    const page = await world.openPage('worker/visit/index', {}, { openid: WORKER })
    await page.waitFor(() => page.textsOf('.visit-list__row .visit-list__type')[0] === '矛盾调解', 'the rated visit first in the list')
    expect(page.textsOf('.visit-list__row .visit-list__state')[0]).toBe('评价期内')
    expect(page.textsOf('.visit-list__row')[0]).not.toMatch(/不满意|已评价/)
  })

  it('tells a resident that logging visits is for workers', async () => {
    const page = await world.openPage('worker/visit/index', {}, { openid: RESIDENT_OPENID })
    await page.waitForText('记录服务只对社区工作者开放')
    expect(page.all('.visit-type')).toHaveLength(0)
  })
})

describe('poster page (worker/poster/index)', () => {
  const CODE = 'cloud://prod-env.7072-prod-env/codes/pages_rate_index-YQ01.png'

  it("shows the worker's name, post, grid and their code with 扫码评价我的服务, and saves it to the album", async () => {
    const page = await world.openPage('worker/poster/index', {}, { openid: WORKER })
    await page.waitForText('扫码评价我的服务')
    expect(page.textsOf('.poster__name')).toEqual(['刘建华'])
    expect(page.textsOf('.poster__post')).toEqual(['正职'])
    expect(page.textsOf('.poster__grid')).toEqual(['负责 银泉花园网格 · 468 户'])
    expect(page.textsOf('.poster__org')).toEqual(['银泉社区 · 社区工作者'])
    expect(await page.attr({ selector: '.poster__code' }, 'src')).toBe(CODE)

    await page.tap('保存到相册')
    await page.waitForText('已保存到相册')
    // The cloud file was downloaded, and its local copy saved; WeChat asked for the permission and it was given.
    expect(world.album.downloads).toEqual([CODE])
    expect(world.album.saved).toEqual(['wxfile://tmp/pages_rate_index-YQ01.png'])
    expect(world.album.permission).toBe(true)
  })

  it('after a refused permission, offers WeChat’s settings page, then saves', async () => {
    world.album.answer = 'deny'
    const page = await world.openPage('worker/poster/index', {}, { openid: WORKER })
    await page.tap('保存到相册')
    await page.waitForText('没有相册权限，图片没有保存')
    expect(world.album.saved).toEqual([])
    // Refused once, WeChat never asks again: only its settings page can turn the permission on.
    await page.tap('保存到相册')
    await page.waitForText('没有相册权限，图片没有保存')
    await world.settled(page) // the second save has answered
    expect(world.album.saved).toEqual([])
    await page.tap('去设置里打开')
    await page.waitForText('已允许保存到相册')
    await page.tap('保存到相册')
    await page.waitForText('已保存到相册')
    expect(world.album.saved).toHaveLength(1)
  })

  it('tells a resident that the code is for workers, and asks for no code', async () => {
    const page = await world.openPage('worker/poster/index', {}, { openid: RESIDENT_OPENID })
    await page.waitForText('评价码只对社区工作者开放')
    await world.settled(page)
    expect(world.callsOf('worker.qrcode')).toHaveLength(0)
  })
})
