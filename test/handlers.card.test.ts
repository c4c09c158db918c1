// worker.card: the public card a resident sees after scanning — anyone may read it, even anonymously.
import { createHarness, type Harness } from './support/apiHarness'
import { X } from './support/smallOrg'

let api: Harness
beforeEach(async () => {
  api = await createHarness(new Date('2026-03-15T02:00:00Z'))
})
afterEach(() => api.close())

it('shows the worker, their post and its duties, community, grid and households to an anonymous caller', async () => {
  expect(await api.call({ action: 'worker.card', payload: { workerCode: X } }, null)).toEqual({
    ok: true,
    data: {
      workerCode: X,
      name: '张敏',
      post: '专职社区工作者',
      duties: ['走访网格内住户', '收集并反映居民诉求'],
      community: '银泉社区',
      grid: '银泉第一网格',
      households: 420,
    },
  })
})

it('trims the code read from a scanned scene', async () => {
  expect((await api.call({ action: 'worker.card', payload: { workerCode: ` ${X} ` } }, null)).ok).toBe(true)
})

it('tells the resident to check the code when the worker is unknown', async () => {
  expect(await api.call({ action: 'worker.card', payload: { workerCode: 'W999' } }, null)).toEqual({
    ok: false,
    code: 'NOT_FOUND',
    message: '没有找到这位社区工作者，请确认二维码或编号',
  })
})

it('rejects a code with / or #: a WeChat scene allows them, but the code is the worker document’s _id', async () => {
  for (const workerCode of ['YQ/01', 'W#001']) {
    expect(await api.call({ action: 'worker.card', payload: { workerCode } }, null)).toEqual({ ok: false, code: 'INVALID_INPUT', message: '工作者编号格式不对，请重新扫码' })
  }
  // Letters, digits, _ and - pass the door: an unknown one is looked up, and not found.
  expect(await api.call({ action: 'worker.card', payload: { workerCode: 'yq_01-b' } }, null)).toMatchObject({ ok: false, code: 'NOT_FOUND' })
})

it('rejects a code that could not be a WeChat scene', async () => {
  expect(await api.call({ action: 'worker.card', payload: { workerCode: '张敏' } }, null)).toEqual({
    ok: false,
    code: 'INVALID_INPUT',
    message: '工作者编号格式不对，请重新扫码',
  })
})
