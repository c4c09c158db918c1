// dispatch: the boundary every runtime goes through. Unknown actions, malformed requests and
// unexpected failures all come back as envelopes with Chinese messages and no internals.
import { dispatch } from '@backend/door'
import type { HandlerTable } from '@backend/context'
import { createHarness, type Harness } from './support/apiHarness'
import { OPENID, X } from './support/smallOrg'
import { testSecrets } from './support/secrets'

const NOW = new Date('2026-03-15T02:00:00Z')
let api: Harness
beforeEach(async () => {
  api = await createHarness(NOW)
})
afterEach(() => api.close())

describe('requests the api does not understand', () => {
  it.each([
    ['an unknown action', { action: 'rating.delete', payload: {} }, '不支持的操作：rating.delete'],
    ['a missing action', { payload: {} }, '不支持的操作：（未指定）'],
    ['dev.identities, which the cloud does not have', { action: 'dev.identities', payload: {} }, '不支持的操作：dev.identities'],
    ['a request that is not an object', 'rating.submit', '请求格式不对'],
    ['a request that is an array', [], '请求格式不对'],
    ['an inherited property name as action', { action: 'toString', payload: {} }, '不支持的操作：toString'],
  ])('%s gets INVALID_INPUT', async (_title, request, message) => {
    expect(await api.call(request, OPENID.resident)).toEqual({ ok: false, code: 'INVALID_INPUT', message })
  })

  it('treats a missing payload as an empty one', async () => {
    expect(await api.call({ action: 'worker.card' }, null)).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: '请提供工作者编号',
    })
  })

  it('never shows valibot English: an unknown sub-district id that is too short gets a Chinese message', async () => {
    const reply = await api.call({ action: 'evaluation.get', payload: { period: '2026-03', subdistrictId: '' } }, OPENID.bureau)
    expect(reply).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringMatching(/[\u4e00-\u9fff]/) })
  })
})

describe('roles', () => {
  it('looks the role up on every call, so a new binding takes effect at once', async () => {
    const newStaff = 'o-new-staff'
    const asNewStaff = () => api.call({ action: 'evaluation.get', payload: { period: '2026-03' } }, newStaff)
    expect(await asNewStaff()).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const org = { subdistricts: [], communities: [], grids: [], posts: [], workers: [] }
    await api.store.putOrg({
      ...org,
      principals: [{ openid: newStaff, role: 'subdistrict', name: '新来的科员', subdistrictId: 'sd-fushan' }],
    })
    expect((await asNewStaff()).ok).toBe(true)
  })
})

describe('unexpected failures', () => {
  it('returns INTERNAL with a generic message and logs the error, without its details', async () => {
    const failing: HandlerTable = {
      'worker.card': async () => {
        throw new Error('SQLITE_CORRUPT: secret path /var/data')
      },
    }
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    const reply = await dispatch(
      { action: 'worker.card', payload: { workerCode: X } },
      { openid: null, store: api.store, now: NOW, moderation: api.moderation, codeImages: api.codeImages, secrets: testSecrets },
      failing,
    )
    expect(reply).toEqual({ ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' })
    expect(JSON.stringify(reply)).not.toMatch(/SQLITE|secret/)
    expect(logged).toHaveBeenCalled()
    logged.mockRestore()
  })
})
