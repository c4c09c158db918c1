// The rectification's subscribe message on CloudBase, through the BUILT function on the real
// wx-server-sdk over the emulator: the keywords come from SUBSCRIBE_KEYWORDS beside SUBSCRIBE_TEMPLATE_ID,
// and a message WeChat refuses (47003: the values do not fit the template) or that cannot be built is
// written on the case in words, where the community admin reads it (case.get), not only in the log.
import type { CaseView } from '@core/cases'
import type { CloudbaseEmulator } from '../cloudbase/emulator'
import { type OpenApiMethod, loadCloudFunction, timerEvent } from '../cloudbase/realSdk'
import { setUpCloud } from '../support/cloudEnv'
import { YEAR_SUBDISTRICT, yearOrg } from '../support/cloudYear'
import { freshKey } from '../support/keys'

const WORKER = 'o-worker-Y0001'
const RECIPIENT = 'o-recipient-1'
const ADMIN = 'o-admin-c1'
const PNG = Buffer.from('89504e470d0a1a0a', 'hex')

let emulator: CloudbaseEmulator
beforeEach(async () => {
  const org = yearOrg(2)
  org.principals.push({ openid: WORKER, role: 'worker', name: '工作者1', workerCode: 'Y0001' })
  org.principals.push({ openid: ADMIN, role: 'community', name: '社区1 周书记', communityId: `${YEAR_SUBDISTRICT}-c1`, subdistrictId: YEAR_SUBDISTRICT })
  ;({ emulator } = await setUpCloud(org))
})
afterEach(() => emulator.dispose())

interface Reply<T = unknown> {
  ok: boolean
  data: T
}

/** A case rectified by the community's admin, on an instance with this environment and this send. */
async function rectifiedCase(env: Record<string, string>, send: OpenApiMethod): Promise<CaseView> {
  const api = loadCloudFunction(emulator, { instanceId: 'api-1', env, openapi: { wxacode: { getUnlimited: () => ({ errCode: 0, contentType: 'image/jpeg', buffer: PNG }) }, subscribeMessage: { send } } })
  const call = <T = unknown>(action: string, payload: unknown, openid: string) => api.invoke({ action, payload }, { openid }) as Promise<Reply<T>>
  const { visitCode } = (await call<{ visitCode: string }>('visit.log', { type: '关爱走访' }, WORKER)).data
  expect(await call('feedback.submit', { visitCode, level: 1, idempotencyKey: freshKey('fb') }, RECIPIENT)).toMatchObject({ ok: true })
  await api.invoke(timerEvent('repairTallies', new Date()), {})
  const caseId = (emulator.documents('cases')[0] as { _id: string })._id
  expect(await call('case.callback', { caseId, reached: false, outcome: '评价人未留电话，无法联系', idempotencyKey: freshKey() }, ADMIN)).toMatchObject({ ok: true })
  expect(await call('case.rectify', { caseId, note: '已加强入户走访，每周一次', idempotencyKey: freshKey() }, ADMIN)).toMatchObject({ ok: true, data: { stage: 'confirm' } })
  return (await call<CaseView>('case.get', { caseId }, ADMIN)).data
}

it('sends the keywords SUBSCRIBE_KEYWORDS names: thing1, phrase2 (已整改), time3', async () => {
  const sent: unknown[] = []
  const kase = await rectifiedCase({ SUBSCRIBE_TEMPLATE_ID: 'tmpl-library', SUBSCRIBE_KEYWORDS: 'service=thing1，status=phrase2，time=time3' }, (request) => (sent.push(request), { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' }))
  expect(sent).toEqual([
    {
      touser: RECIPIENT,
      templateId: 'tmpl-library',
      page: `pages/case/index?caseId=${encodeURIComponent(kase.caseId)}`,
      data: { thing1: { value: '工作者1的服务' }, phrase2: { value: '已整改' }, time3: { value: expect.stringMatching(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/) } },
    },
  ])
  expect(kase.notifyFailure).toBeUndefined()
  expect(emulator.documents('cases')[0]).toMatchObject({ notifiedAt: expect.any(String) })
})

it('writes a refused send (47003) on the case, in words the community admin reads', async () => {
  const refuse = () => {
    // As wx-server-sdk throws WeChat's errcode (a CloudSDKError).
    throw Object.assign(new Error('errCode: 47003 | errMsg: openapi.subscribeMessage.send:fail argument invalid! data.phrase2.value invalid'), { errCode: 47003 })
  }
  const kase = await rectifiedCase({ SUBSCRIBE_TEMPLATE_ID: 'tmpl-library' }, refuse)
  expect(kase.notifyFailure).toEqual({ at: expect.any(String), message: '通知居民失败：模板参数不符（47003），请联系管理员核对 SUBSCRIBE_KEYWORDS' })
  expect(kase.stage).toBe('confirm') // the rectification stands; the rater still sees it at home
  expect(emulator.documents('cases')[0]).not.toHaveProperty('notifiedAt')
})

it('sends nothing with a SUBSCRIBE_KEYWORDS the function could not read, and says so on the case', async () => {
  const sent: unknown[] = []
  const kase = await rectifiedCase({ SUBSCRIBE_TEMPLATE_ID: 'tmpl-library', SUBSCRIBE_KEYWORDS: 'note=phrase2' }, (request) => (sent.push(request), { errCode: 0 }))
  expect(sent).toEqual([])
  expect(kase.notifyFailure?.message).toBe('通知居民失败：订阅消息的关键词设置有误，请联系管理员核对 SUBSCRIBE_KEYWORDS')
})
