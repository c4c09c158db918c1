// WeChat's privacy authorisation in the weapp build: one listener for the whole app shows the agreement on
// the page in front when WeChat asks (onNeedPrivacyAuthorization), never on a page under it. The worker's
// poster (saveImageToPhotosAlbum) and the roster import (chooseMessageFile), called by someone who has not
// agreed yet, wait for the agreement shown on their own page: 同意并继续 answers agree with the button's id
// and the save goes on; 拒绝 answers disagree, and the page says so in words. Run `npm run build:weapp` first.
import type { CodeImages } from '@backend/context'
import { generatedRoster, rosterXlsx } from '../support/rosterFile'
import { createWorld, type WeappPage, type WeappWorld } from './harness'

const WORKER = { openid: 'dev-worker-YQ01' } // 刘建华
const BUREAU = { openid: 'dev-bureau' }
const AGREEMENT = '使用前请您同意隐私说明'
const AGREE = { selector: '.privacy-dialog__agree' }

/** As the cloud answers a code: a file ID in cloud storage (saved through wx.cloud.downloadFile). */
const cloudCodes: CodeImages = { imageFor: async (page, scene) => `cloud://prod-env.7072-prod-env/codes/${page.replace(/\//g, '_')}-${scene}.png` }

let world: WeappWorld
beforeEach(async () => {
  world = await createWorld({ codeImages: cloudCodes })
  world.privacy.agreed = false // someone who never agreed: WeChat asks before the first privacy API
})
afterEach(() => world.close())

/** The home page, and the worker's poster opened on top of it (as from 我的评价码). */
async function posterOverHome(): Promise<{ home: WeappPage; poster: WeappPage }> {
  const home = await world.openPage('pages/index/index', {}, WORKER)
  await home.waitForText('给社区工作者评个分')
  const poster = await world.openPage('worker/poster/index', {}, WORKER)
  await poster.waitForText('扫码评价我的服务')
  return { home, poster }
}

describe('the poster page (worker/poster/index)', () => {
  it('shows the agreement on the poster itself, not on the home page under it, and saves once agreed', async () => {
    const { home, poster } = await posterOverHome()
    await poster.tap('保存到相册')
    await poster.waitForText(AGREEMENT)
    expect(world.privacy.asked).toEqual(['saveImageToPhotosAlbum'])
    expect(poster.has('正在保存…')).toBe(true) // the save waits for the answer
    expect(home.has(AGREEMENT)).toBe(false)
    // WeChat is told the agreement is on screen; the album itself was not touched yet.
    expect(world.privacy.answers).toEqual([{ event: 'exposureAuthorization' }])
    expect(world.album.permission).toBeUndefined()

    await poster.agreePrivacy(AGREE)
    await poster.waitForText('已保存到相册')
    expect(world.privacy.answers).toEqual([{ event: 'exposureAuthorization' }, { event: 'agree', buttonId: 'privacy-agree' }])
    expect(world.album.saved).toHaveLength(1)
    expect(poster.has(AGREEMENT)).toBe(false)
    expect(poster.has('正在保存…')).toBe(false)
    expect(poster.findByText('保存到相册')).toHaveLength(1)

    // Agreed once, WeChat does not ask again.
    await poster.tap('保存到相册')
    await world.settled(poster)
    expect(world.album.saved).toHaveLength(2)
    expect(world.privacy.asked).toEqual(['saveImageToPhotosAlbum'])
  })

  it('after 拒绝, saves nothing, gives the button back with a message in words, and asks again on the next save', async () => {
    const { home, poster } = await posterOverHome()
    await poster.tap('保存到相册')
    await poster.waitForText(AGREEMENT)
    await poster.tap('拒绝')
    await poster.waitForText('您没有同意隐私说明，图片没有保存')
    expect(poster.has('在弹出的说明里点“同意并继续”')).toBe(true)
    expect(poster.has(AGREEMENT)).toBe(false)
    expect(poster.has('正在保存…')).toBe(false)
    // Not the album permission: the page does not send the user to WeChat's settings.
    expect(poster.has('去设置里打开')).toBe(false)
    expect(world.privacy.answers).toEqual([{ event: 'exposureAuthorization' }, { event: 'disagree' }])
    expect(world.album.saved).toEqual([])
    expect(world.album.permission).toBeUndefined()

    await poster.tap('保存到相册')
    await poster.waitForText(AGREEMENT)
    expect(world.privacy.asked).toEqual(['saveImageToPhotosAlbum', 'saveImageToPhotosAlbum'])
    await poster.agreePrivacy(AGREE)
    await poster.waitForText('已保存到相册')
    expect(home.has(AGREEMENT)).toBe(false)
  })
})

it('on the roster import (staff/roster/index), shows the agreement there before the chat opens; 拒绝 picks nothing, 同意 checks the file', async () => {
  world.chatFiles.next = { name: '花名册.xlsx', bytes: await rosterXlsx(generatedRoster(3)) }
  const page = await world.openPage('staff/roster/index', {}, BUREAU)
  await page.tap('选择文件')
  await page.waitForText(AGREEMENT)
  expect(world.privacy.asked).toEqual(['chooseMessageFile'])
  await page.tap('拒绝')
  await page.waitForText('您没有同意隐私说明，没能打开聊天文件。想导入时请再点一次，在弹出的说明里点“同意并继续”。')
  expect(world.chatFiles.uploads).toEqual([])

  await page.tap('再试一次')
  await page.waitForText(AGREEMENT)
  expect(world.privacy.asked).toEqual(['chooseMessageFile', 'chooseMessageFile'])
  await page.agreePrivacy(AGREE)
  await page.waitForText('检查通过，可以导入')
  expect(world.chatFiles.uploads).toHaveLength(1)
})

it('on the home page, shows the agreement only when WeChat asks, and answers agree with the button id, or disagree', async () => {
  const home = await world.openPage('pages/index/index')
  await home.waitForText('给社区工作者评个分')
  await world.settled(home)
  expect(home.has(AGREEMENT)).toBe(false)

  const refused = world.askPrivacy('requirePrivacyAuthorize')
  await home.waitForText(AGREEMENT)
  const agree = home.all('.privacy-dialog__agree')[0]
  // WeChat checks that the button whose id is passed to resolve was the one tapped.
  expect([await home.attr(agree, 'openType'), await home.attr(agree, 'id')]).toEqual(['agreePrivacyAuthorization', 'privacy-agree'])
  await home.tap('拒绝')
  expect(await refused).toBe('refused')
  await home.waitForNoText(AGREEMENT)

  const agreed = world.askPrivacy('requirePrivacyAuthorize')
  await home.waitForText('同意并继续')
  await home.agreePrivacy(AGREE)
  expect(await agreed).toBe('agreed')
  await home.waitForNoText(AGREEMENT)
  expect(world.privacy.answers).toEqual([
    { event: 'exposureAuthorization' },
    { event: 'disagree' },
    { event: 'exposureAuthorization' },
    { event: 'agree', buttonId: 'privacy-agree' },
  ])
})
