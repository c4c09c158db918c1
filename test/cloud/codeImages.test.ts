// Mini-program codes in the cloud (cloudfunctions/api/src/cloudCodeImages.ts) through the BUILT function on
// the real wx-server-sdk over the emulator: wxacode.getUnlimited (a stub on the instance's SDK) with the
// page and scene, the PNG kept in cloud storage and its file ID in `code_images`, reused on the next call
// for the same page and scene — and WeChat's failures a deployer can act on, in words (DESIGN section 7).
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

function instance(instanceId: string): CloudFunctionInstance {
  const getUnlimited = (request: unknown) => {
    asked.push(request)
    // wx-server-sdk rejects with WeChat's errcode on the error (errCode) and its errMsg.
    if (failWith !== null) throw Object.assign(new Error(`openapi.wxacode.getUnlimited:fail ${failWith}`), { errCode: failWith, errMsg: `openapi.wxacode.getUnlimited:fail ${failWith}` })
    return { errCode: 0, errMsg: 'openapi.wxacode.getUnlimited:ok', contentType: 'image/jpeg', buffer: PNG }
  }
  return loadCloudFunction(emulator, { instanceId, openapi: { wxacode: { getUnlimited } } })
}

const cacheId = (page: string, scene: string) => createHash('sha256').update(`${page}|${scene}`, 'utf8').digest('hex').slice(0, 32)

it("makes the worker's code once, keeps it in cloud storage, and reuses it on every later call, on any instance", async () => {
  const first = await instance('api-1').invoke({ action: 'worker.qrcode', payload: {} }, { openid: WORKER })
  const id = cacheId('pages/rate/index', 'Y0001')
  const fileID = `cloud://emulator-env.656d-emulator-env/codes/${id}.png`
  expect(first).toEqual({ ok: true, data: { image: fileID } })
  expect(asked).toEqual([{ scene: 'Y0001', page: 'pages/rate/index', checkPath: false, width: 430 }])
  expect(storageOf(emulator).files.get(`codes/${id}.png`)).toEqual(PNG)
  expect(emulator.documents('code_images')).toEqual([{ _id: id, page: 'pages/rate/index', scene: 'Y0001', fileID }])

  // The same page and scene again, from this instance and from a cold one: read from code_images, no second getUnlimited.
  expect(await instance('api-1').invoke({ action: 'worker.qrcode', payload: {} }, { openid: WORKER })).toEqual(first)
  expect(await instance('api-2').invoke({ action: 'worker.qrcode', payload: {} }, { openid: WORKER })).toEqual(first)
  expect(asked).toHaveLength(1)
  expect(storageOf(emulator).files.size).toBe(1)
})

it("makes each visit's feedback code for pages/feedback/index with the visit code as scene", async () => {
  const reply = (await instance('api-1').invoke({ action: 'visit.log', payload: { type: '政策宣传' } }, { openid: WORKER })) as { data: { visitCode: string; image: string } }
  const { visitCode, image } = reply.data
  expect(asked).toEqual([{ scene: visitCode, page: 'pages/feedback/index', checkPath: false, width: 430 }])
  expect(image).toBe(`cloud://emulator-env.656d-emulator-env/codes/${cacheId('pages/feedback/index', visitCode)}.png`)
  expect(emulator.documents('visits')).toEqual([expect.objectContaining({ _id: visitCode, workerCode: 'Y0001', type: '政策宣传' })])
})

describe("WeChat's errcodes, in words a deployer can act on; nothing is stored", () => {
  const cases: Array<[number, string]> = [
    [41030, '生成小程序码失败：页面还不存在。请先发布包含该页面的小程序版本，再生成二维码。'],
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
