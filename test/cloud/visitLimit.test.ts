// visit.log's daily limit on CloudBase, through the BUILT function on the real wx-server-sdk over the
// emulator: the counter is one document per worker in `principals` beside the principals, so the limit holds
// across instances at the cost of two requests a visit (the counter read, one conditional write: the door's
// role lookup reads only the caller's own rating counter); beyond `visitsPerDay`, 429 and no visit document.
import { DEFAULT_SETTINGS } from '@core/settings'
import type { CloudbaseEmulator } from '../cloudbase/emulator'
import { type CloudFunctionInstance, loadCloudFunction } from '../cloudbase/realSdk'
import { setUpCloud } from '../support/cloudEnv'
import { yearOrg } from '../support/cloudYear'

const WORKER = 'o-worker-Y0001'
const PNG = Buffer.from('89504e470d0a1a0a', 'hex')

let emulator: CloudbaseEmulator
let instances: CloudFunctionInstance[]
beforeEach(async () => {
  const org = yearOrg(2)
  org.principals.push({ openid: WORKER, role: 'worker', name: '工作者1', workerCode: 'Y0001' })
  const cloud = await setUpCloud(org)
  emulator = cloud.emulator
  await cloud.store.saveSettings({ ...DEFAULT_SETTINGS, visitsPerDay: 2 })
  const openapi = { wxacode: { getUnlimited: () => ({ errCode: 0, contentType: 'image/jpeg', buffer: PNG }) } }
  instances = ['api-1', 'api-2', 'api-3'].map((instanceId) => loadCloudFunction(emulator, { instanceId, openapi }))
})
afterEach(() => emulator.dispose())

const log = (i: number) => instances[i % 3].invoke({ action: 'visit.log', payload: { type: '关爱走访' } }, { openid: WORKER })

it('takes 2 visits over two instances and refuses the 3rd on a third (429), storing no visit', async () => {
  emulator.resetRequests()
  expect(await log(0)).toMatchObject({ ok: true })
  // the day's first visit: the role lookup, the counter read (none), one `add`; no settings read
  expect(emulator.requests.filter((r) => r.instance === 'api-1' && (r.collection === 'principals' || r.collection === 'settings')).map((r) => r.api)).toEqual([
    'database.getDocument',
    'database.getDocument',
    'database.insertDocument',
  ])
  expect(await log(1)).toMatchObject({ ok: true })
  expect(await log(2)).toEqual({ ok: false, code: 'RATE_LIMITED', message: '今天登记的服务已达上限（每天 2 次），请明天再登记' })
  expect(emulator.documents('visits')).toHaveLength(2)
  expect(emulator.documents('principals').filter((doc) => doc._id.startsWith('limit-'))).toEqual([expect.objectContaining({ count: 2 })])
})

it('holds under 6 visits at once over three instances: 2 taken, 4 refused', async () => {
  const replies = (await Promise.all(Array.from({ length: 6 }, (_, i) => log(i)))) as Array<{ ok: boolean; code?: string }>
  expect(replies.filter((r) => r.ok)).toHaveLength(2)
  expect(replies.filter((r) => r.code === 'RATE_LIMITED')).toHaveLength(4)
  expect(emulator.documents('visits')).toHaveLength(2)
})
