// score.submit and evaluation.get through dispatch: who may enter and read what, on a real SqliteStore.
import type { ResultOf } from '@core/contract'
import { createHarness, dataOf, type Harness } from './support/apiHarness'
import { FUSHAN, OPENID, WENQUAN, X, Y, Z } from './support/smallOrg'
import { withKey } from './support/keys'

const APRIL = new Date('2026-04-10T02:00:00Z')
type Evaluation = ResultOf<'evaluation.get'>

let api: Harness
beforeEach(async () => {
  api = await createHarness(APRIL)
})
afterEach(() => api.close())

const scoreAs = (openid: string | null, payload: unknown) => api.call({ action: 'score.submit', payload: withKey(payload) }, openid)
const evaluationAs = (openid: string | null, payload: unknown) => api.call({ action: 'evaluation.get', payload }, openid)
const FORBIDDEN = { ok: false, code: 'FORBIDDEN', message: '没有权限进行此操作' }

describe('score.submit', () => {
  it('lets sub-district staff score a worker of their own sub-district', async () => {
    expect(await scoreAs(OPENID.fushanStaff, { workerCode: X, period: '2026-03', score: 88 })).toEqual({
      ok: true,
      data: { period: '2026-03' },
    })
    const [score] = await api.store.listSubdistrictScores(FUSHAN, ['2026-03'])
    expect(score).toMatchObject({ workerCode: X, period: '2026-03', score: 88, enteredBy: OPENID.fushanStaff })
    // a monthly score also rolls up into the month's, half-year's and year's tallies: sum 88 over 1
    const tallies = await api.store.listTallies(FUSHAN, ['2026-03', '2026-H1', '2026'])
    expect(tallies.map((t) => [t.period, t.monthlyScoreSum, t.monthlyScoreCount]).sort()).toEqual([
      ['2026', 88, 1],
      ['2026-03', 88, 1],
      ['2026-H1', 88, 1],
    ])
  })

  it('overwrites an earlier score for the same period', async () => {
    await scoreAs(OPENID.fushanStaff, { workerCode: X, period: '2026-03', score: 70 })
    await scoreAs(OPENID.fushanStaff, { workerCode: X, period: '2026-03', score: 88 })
    const scores = await api.store.listSubdistrictScores(FUSHAN, ['2026-03'])
    expect(scores.map((s) => s.score)).toEqual([88])
    // the half-year's rollup moved by 88 - 70 and still counts one monthly score
    const [half] = await api.store.listTallies(FUSHAN, ['2026-H1'])
    expect(half).toMatchObject({ workerCode: X, monthlyScoreSum: 88, monthlyScoreCount: 1 })
  })

  it('accepts a score with one decimal, and one that is a tenth up to binary noise, stored as that tenth', async () => {
    expect(await scoreAs(OPENID.fushanStaff, { workerCode: X, period: '2026-03', score: 88.3 })).toEqual({ ok: true, data: { period: '2026-03' } })
    expect(0.1 + 0.2).toBe(0.30000000000000004)
    expect((await scoreAs(OPENID.fushanStaff, { workerCode: Y, period: '2026-03', score: 0.1 + 0.2 })).ok).toBe(true)
    const scores = await api.store.listSubdistrictScores(FUSHAN, ['2026-03'])
    expect(Object.fromEntries(scores.map((s) => [s.workerCode, s.score]))).toEqual({ [X]: 88.3, [Y]: 0.3 })
  })

  it('accepts the current month and a half-year already under way', async () => {
    expect((await scoreAs(OPENID.fushanStaff, { workerCode: X, period: '2026-04', score: 80 })).ok).toBe(true)
    expect((await scoreAs(OPENID.fushanStaff, { workerCode: X, period: '2026-H1', score: 80 })).ok).toBe(true)
  })

  const rejected: Array<[string, string | null, unknown, string, RegExp]> = [
    ['a resident', OPENID.resident, { workerCode: X, period: '2026-03', score: 80 }, 'FORBIDDEN', /没有权限/],
    // Rule 12: no identity is 401, before any role is looked at.
    ['an anonymous caller', null, { workerCode: X, period: '2026-03', score: 80 }, 'UNAUTHENTICATED', /请先登录微信/],
    ['a worker', OPENID.workerX, { workerCode: Y, period: '2026-03', score: 80 }, 'FORBIDDEN', /没有权限/],
    ['the bureau', OPENID.bureau, { workerCode: X, period: '2026-03', score: 80 }, 'FORBIDDEN', /没有权限/],
    ['another sub-district', OPENID.wenquanStaff, { workerCode: X, period: '2026-03', score: 80 }, 'FORBIDDEN', /没有权限/],
    ['an unknown worker', OPENID.fushanStaff, { workerCode: 'W999', period: '2026-03', score: 80 }, 'NOT_FOUND', /没有找到/],
    ['a future month', OPENID.fushanStaff, { workerCode: X, period: '2026-05', score: 80 }, 'INVALID_INPUT', /尚未开始/],
    ['a future half-year', OPENID.fushanStaff, { workerCode: X, period: '2026-H2', score: 80 }, 'INVALID_INPUT', /尚未开始/],
    ['a score of 101', OPENID.fushanStaff, { workerCode: X, period: '2026-03', score: 101 }, 'INVALID_INPUT', /不能高于 100/],
    ['a score of -1', OPENID.fushanStaff, { workerCode: X, period: '2026-03', score: -1 }, 'INVALID_INPUT', /不能低于 0/],
    ['a malformed period', OPENID.fushanStaff, { workerCode: X, period: '2026-3', score: 80 }, 'INVALID_INPUT', /考核期格式不对/],
    ['a missing score', OPENID.fushanStaff, { workerCode: X, period: '2026-03' }, 'INVALID_INPUT', /分数/],
    // DESIGN section 3: scores have at most one decimal, so every decision on them can be exact
    ['a score of 88.25', OPENID.fushanStaff, { workerCode: X, period: '2026-03', score: 88.25 }, 'INVALID_INPUT', /最多保留一位小数/],
    ['a score of 88.35000001', OPENID.fushanStaff, { workerCode: X, period: '2026-03', score: 88.35000001 }, 'INVALID_INPUT', /最多保留一位小数/],
  ]
  it.each(rejected)('rejects %s and stores nothing', async (_title, openid, payload, code, message) => {
    const reply = await scoreAs(openid, payload)
    expect(reply).toEqual({ ok: false, code, message: expect.stringMatching(message) })
    const periods = ['2026-03', '2026-05', '2026-H1', '2026-H2', '2026']
    expect(await api.store.listSubdistrictScores(FUSHAN, periods)).toEqual([])
    expect(await api.store.listTallies(FUSHAN, periods)).toEqual([])
  })
})

describe('evaluation.get: who may read which sub-district', () => {
  it('gives sub-district staff their own sub-district, with or without naming it', async () => {
    const own = dataOf<Evaluation>(await evaluationAs(OPENID.fushanStaff, { period: '2026-03' }))
    expect(own.rows.map((row) => row.workerCode).sort()).toEqual([X, Y])
    const named = dataOf<Evaluation>(await evaluationAs(OPENID.fushanStaff, { period: '2026-03', subdistrictId: FUSHAN }))
    expect(named).toEqual(own)
  })

  it('refuses sub-district staff another sub-district', async () => {
    expect(await evaluationAs(OPENID.fushanStaff, { period: '2026-03', subdistrictId: WENQUAN })).toEqual(FORBIDDEN)
  })

  it('lets the bureau read any sub-district it names', async () => {
    const wenquan = dataOf<Evaluation>(await evaluationAs(OPENID.bureau, { period: '2026-03', subdistrictId: WENQUAN }))
    expect(wenquan.rows.map((row) => row.workerCode)).toEqual([Z])
  })

  it('asks the bureau to pick a sub-district', async () => {
    expect(await evaluationAs(OPENID.bureau, { period: '2026-03' })).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: '请选择街道',
    })
  })

  it('tells the bureau when a sub-district does not exist', async () => {
    expect(await evaluationAs(OPENID.bureau, { period: '2026-03', subdistrictId: 'sd-none' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
  })

  it.each([
    ['a resident', OPENID.resident],
    ['a worker', OPENID.workerX],
    ['a community admin', OPENID.communityAdmin],
  ])('refuses %s with 403', async (_title, openid) => {
    expect(await evaluationAs(openid, { period: '2026-03' })).toEqual(FORBIDDEN)
  })

  it('refuses an anonymous caller with 401 (rule 12)', async () => {
    expect(await evaluationAs(null, { period: '2026-03' })).toEqual({ ok: false, code: 'UNAUTHENTICATED', message: '请先登录微信' })
  })

  it('rejects a malformed period', async () => {
    expect(await evaluationAs(OPENID.fushanStaff, { period: 'March' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })
})
