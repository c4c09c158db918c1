// Mini-program codes in the cloud (cloudfunctions/api/src/cloudCodeImages.ts) through the BUILT function on
// the real wx-server-sdk over the emulator: wxacode.getUnlimited (a stub on the instance's SDK) with the
// page, scene and the version WXACODE_ENV_VERSION names (release when unset), the PNG kept in cloud storage
// and its file ID in `code_images`, reused on the next call for the same version, page and scene — and
// WeChat's failures a deployer can act on, in words (DESIGN section 7).
import { createHash } from 'node:crypto'
import type { CloudbaseEmulator } from '../cloudbase/emulator'
import { type CloudFunctionInstance, loadCloudFunction, storageOf } from '../cloudbase/realSdk'
import { setUpCloud } from '../support/cloudEnv'
import { yearOrg } from '../support/cloudYear'

const WORKER = 'o-worker-Y0001'
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex') // a PNG's first bytes stand in for WeChat's image

let emulator: CloudbaseEmulator
/** What getUnlimited was asked, on every instance. */
let asked: unknown[]
/** What getUnlimited does next: answer the PNG, or fail with WeChat's errcode. */
let failWith: number | null

beforeEach(async () => {
  const org = yearOrg(2)
  org.principals.push({ openid: WORKER, role: 'worker', name: '工作者1', workerCode: 'Y0001' })
  ;({ emulator } = await setUpCloud(org))
  asked = []
  failWith = null
})
afterEach(() => emulator.dispose())

function instance(instanceId: string, env: Record<string, string> = {}): CloudFunctionInstance {
  const getUnlimited = (request: unknown) => {
    asked.push(request)
    // wx-server-sdk rejects with WeChat's errcode on the error (errCode) and its errMsg.
    if (failWith !== null) throw Object.assign(new Error(`openapi.wxacode.getUnlimited:fail ${failWith}`), { errCode: failWith, errMsg: `openapi.wxacode.getUnlimited:fail ${failWith}` })
    return { errCode: 0, errMsg: 'openapi.wxacode.getUnlimited:ok', contentType: 'image/jpeg', buffer: PNG }
  }
  return loadCloudFunction(emulator, { instanceId, env, openapi: { wxacode: { getUnlimited } } })
}

const cacheId = (version: string, page: string, scene: string) => createHash('sha256').update(`${version}|${page}|${scene}`, 'utf8').digest('hex').slice(0, 32)

it("makes the worker's code once, keeps it in cloud storage, and reuses it on every later call, on any instance", async () => {
  const first = await instance('api-1').invoke({ action: 'worker.qrcode', payload: {} }, { openid: WORKER })
  const id = cacheId('release', 'pages/rate/index', 'Y0001')
  const fileID = `cloud://emulator-env.656d-emulator-env/codes/release/${id}.png`
  expect(first).toEqual({ ok: true, data: { image: fileID } })
  expect(asked).toEqual([{ scene: 'Y0001', page: 'pages/rate/index', checkPath: false, envVersion: 'release', width: 430 }])
  expect(storageOf(emulator).files.get(`codes/release/${id}.png`)).toEqual(PNG)
  expect(emulator.documents('code_images')).toEqual([{ _id: id, envVersion: 'release', page: 'pages/rate/index', scene: 'Y0001', fileID }])

  // The same page and scene again, from this instance and from a cold one: read from code_images, no second getUnlimited.
  expect(await instance('api-1').invoke({ action: 'worker.qrcode', payload: {} }, { openid: WORKER })).toEqual(first)
  expect(await instance('api-2').invoke({ action: 'worker.qrcode', payload: {} }, { openid: WORKER })).toEqual(first)
  expect(asked).toHaveLength(1)
  expect(storageOf(emulator).files.size).toBe(1)
})

it("makes each visit's feedback code for pages/feedback/index with the visit code as scene", async () => {
  const reply = (await instance('api-1').invoke({ action: 'visit.log', payload: { type: '政策宣传' } }, { openid: WORKER })) as { data: { visitCode: string; image: string } }
  const { visitCode, image } = reply.data
  expect(asked).toEqual([{ scene: visitCode, page: 'pages/feedback/index', checkPath: false, envVersion: 'release', width: 430 }])
  expect(image).toBe(`cloud://emulator-env.656d-emulator-env/codes/release/${cacheId('release', 'pages/feedback/index', visitCode)}.png`)
  expect(emulator.documents('visits')).toEqual([expect.objectContaining({ _id: visitCode, workerCode: 'Y0001', type: '政策宣传' })])
})

describe('the version a code opens: WXACODE_ENV_VERSION', () => {
  it('makes the trial build\'s code for 体验版 (env_version trial) and never serves it to release', async () => {
    const trial = await instance('api-trial', { WXACODE_ENV_VERSION: 'trial' }).invoke({ action: 'worker.qrcode', payload: {} }, { openid: WORKER })
    const trialId = cacheId('trial', 'pages/rate/index', 'Y0001')
    expect(trial).toEqual({ ok: true, data: { image: `cloud://emulator-env.656d-emulator-env/codes/trial/${trialId}.png` } })
    expect(asked).toEqual([{ scene: 'Y0001', page: 'pages/rate/index', checkPath: false, envVersion: 'trial', width: 430 }])

    // The same worker once the release is out: a code of its own, not the trial's from the cache.
    const release = await instance('api-release', { WXACODE_ENV_VERSION: 'release' }).invoke({ action: 'worker.qrcode', payload: {} }, { openid: WORKER })
    const releaseId = cacheId('release', 'pages/rate/index', 'Y0001')
    expect(release).toEqual({ ok: true, data: { image: `cloud://emulator-env.656d-emulator-env/codes/release/${releaseId}.png` } })
    expect(asked).toHaveLength(2)
    expect(asked[1]).toMatchObject({ envVersion: 'release' })
    expect(emulator.documents('code_images').map((doc) => [doc._id, doc.envVersion])).toEqual(expect.arrayContaining([[trialId, 'trial'], [releaseId, 'release']]))

    // And the trial build asks again: its own code, from the cache.
    expect(await instance('api-trial-2', { WXACODE_ENV_VERSION: 'trial' }).invoke({ action: 'worker.qrcode', payload: {} }, { openid: WORKER })).toEqual(trial)
    expect(asked).toHaveLength(2)
  })

  it('makes develop codes for 开发版', async () => {
    await instance('api-dev', { WXACODE_ENV_VERSION: 'develop' }).invoke({ action: 'worker.qrcode', payload: {} }, { openid: WORKER })
    expect(asked).toEqual([expect.objectContaining({ envVersion: 'develop' })])
  })

  it('refuses a value that is no version, saying which variable and what it may be; other actions still serve', async () => {
    const api = instance('api-typo', { WXACODE_ENV_VERSION: 'trail' })
    expect(await api.invoke({ action: 'worker.qrcode', payload: {} }, { openid: WORKER })).toEqual({
      ok: false,
      code: 'INTERNAL',
      message: '生成小程序码失败：云函数的环境变量 WXACODE_ENV_VERSION 是“trail”，只能是 develop（开发版）、trial（体验版）或 release（正式版）。请在云开发控制台改正后再试。',
    })
    expect(asked).toEqual([])
    expect(emulator.documents('code_images')).toEqual([])
    expect(await api.invoke({ action: 'worker.card', payload: { workerCode: 'Y0001' } }, {})).toMatchObject({ ok: true })
  })
})

describe("WeChat's errcodes, in words a deployer can act on; nothing is stored", () => {
  const cases: Array<[number, string]> = [
    [45009, '今天生成小程序码的次数已达上限，请明天再试。'],
    [-604101, '云函数没有生成小程序码的权限：请在 cloudfunctions/api/config.json 的 permissions.openapi 中声明 wxacode.getUnlimited 并重新部署。'],
  ]
  it.each(cases)('errcode %d', async (errcode, message) => {
    failWith = errcode
    const api = instance('api-1')
    expect(await api.invoke({ action: 'worker.qrcode', payload: {} }, { openid: WORKER })).toEqual({ ok: false, code: 'INTERNAL', message })
    expect(await api.invoke({ action: 'visit.log', payload: { type: '其他' } }, { openid: WORKER })).toEqual({ ok: false, code: 'INTERNAL', message })
    expect(emulator.documents('visits')).toEqual([])
    expect(emulator.documents('code_images')).toEqual([])
    expect(storageOf(emulator).files.size).toBe(0)
  })
})
