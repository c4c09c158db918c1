// feedback.submit through dispatch, on a real SqliteStore: the person a worker served rates that one
// visit (party S, 一次一评). One feedback per visit, within feedbackWindowDays, never by the worker
// themself, counted in the China month it is given — and the evaluation's recipient party moves by exactly
// what DESIGN section 3 gives. Every refused call stores nothing.
import { newVisitCode } from '@backend/visits/visitCodes'
import type { ResultOf } from '@core/contract'
import { DEFAULT_SETTINGS } from '@core/settings'
import type { EvaluationRow } from '@core/types'
import { createHarness, dataOf, type Harness } from './support/apiHarness'
import { FUSHAN, OPENID, X, Y } from './support/smallOrg'
import { withKey } from './support/keys'
import { idempotencyKeyOf } from '@backend/store/ids'

const VISITED = new Date('2026-03-15T02:00:00Z') // 10:00 China time
const WORKER = OPENID.workerX // 张敏, W001
const RECIPIENT = 'o-recipient-1'
const DAY = 24 * 60 * 60 * 1000

let api: Harness
let visitCode: string
/** A visit of X, as visit.log stores it (test/handlers.visits.test.ts), without drawing its code's image. */
async function putVisit(at: Date): Promise<string> {
  const code = newVisitCode()
  await api.store.visits.putVisit({ visitCode: code, workerCode: X, subdistrictId: FUSHAN, communityId: 'c-yinquan', type: '关爱走访', place: '', note: '', at: at.toISOString() })
  return code
}

beforeEach(async () => {
  api = await createHarness(new Date(VISITED))
  visitCode = await putVisit(VISITED)
  api.now = new Date(VISITED.getTime() + 20 * 60_000) // rated on the spot, 20 minutes later
})
afterEach(() => api.close())

const give = (payload: object, openid: string | null = RECIPIENT) => api.call({ action: 'feedback.submit', payload: withKey({ visitCode, ...payload }) }, openid)

/** Everything a refused feedback could have written: the feedback and X's recipient tallies. */
async function stored(): Promise<string> {
  const tallies = await api.store.listTallies(FUSHAN, ['2026-03', '2026-04', '2026-H1', '2026'])
  return JSON.stringify({ feedback: await api.store.visits.getFeedback(visitCode), tallies })
}

const recipientsOf = async (code: string, period = '2026-03') => (await api.store.listTallies(FUSHAN, [period])).find((t) => t.workerCode === code)?.recipients ?? null

describe('feedback.submit', () => {
  it('stores one feedback on the visit, with the comment, and counts it in the month, half-year and year', async () => {
    expect(await give({ level: 5, comment: '  上门量了血压，很耐心  ' })).toEqual({ ok: true, data: { feedbackId: visitCode, period: '2026-03' } })
    expect(await api.store.visits.getFeedback(visitCode)).toEqual({
      serviceId: visitCode,
      openid: RECIPIENT,
      workerCode: X,
      subdistrictId: FUSHAN,
      month: '2026-03',
      level: 5,
      comment: '上门量了血压，很耐心',
      commentStatus: 'pass',
      submittedAt: '2026-03-15T02:20:00.000Z',
    })
    for (const period of ['2026-03', '2026-H1', '2026']) expect(await recipientsOf(X, period)).toEqual([0, 0, 0, 0, 1])
  })

  it('counts feedback in the China month it is given, not the month of the visit', async () => {
    visitCode = await putVisit(new Date('2026-03-31T15:00:00Z')) // 23:00 China time, 31 March
    api.now = new Date('2026-03-31T17:00:00Z') // 01:00 China time, 1 April
    expect(dataOf<ResultOf<'feedback.submit'>>(await give({ level: 2 })).period).toBe('2026-04')
    expect(await recipientsOf(X, '2026-04')).toEqual([0, 1, 0, 0, 0])
    expect(await recipientsOf(X, '2026-03')).toBeNull()
  })

  it('accepts levels 1 and 2, and a comment held for review still counts its level', async () => {
    expect((await give({ level: 1, comment: '这条待复核' })).ok).toBe(true)
    expect(await api.store.visits.getFeedback(visitCode)).toMatchObject({ level: 1, commentStatus: 'review' })
    expect(await recipientsOf(X)).toEqual([1, 0, 0, 0, 0])
  })

  it('returns the first result for a retry with the same idempotency key, and counts it once', async () => {
    const first = await give({ level: 4, idempotencyKey: 'feedback-retry-01' })
    expect(await give({ level: 4, idempotencyKey: 'feedback-retry-01' })).toEqual(first)
    // the key with another level is another submit: refused (422), counting nothing
    expect(await give({ level: 1, idempotencyKey: 'feedback-retry-01' })).toEqual({ ok: false, code: 'IDEMPOTENCY_MISMATCH', message: '请求编号已用于另一次提交，请刷新后重试' })
    expect(await recipientsOf(X)).toEqual([0, 0, 0, 1, 0])
  })

  it('is open until exactly 7 days (feedbackWindowDays) after the visit', async () => {
    api.now = new Date(VISITED.getTime() + 7 * DAY - 1)
    expect((await give({ level: 3 })).ok).toBe(true)
  })
})

describe('feedback.submit refuses, and stores nothing', () => {
  const refusals: Array<[string, object, string | null, string, string | RegExp]> = [
    ['an anonymous caller', { level: 5 }, null, 'UNAUTHENTICATED', '请先登录微信后再评价'],
    ['the worker themself', { level: 5 }, WORKER, 'SELF_RATING', '不能评价自己的服务'],
    ['a level of 0', { level: 0 }, RECIPIENT, 'INVALID_INPUT', /1 到 5/],
    ['no level', {}, RECIPIENT, 'INVALID_INPUT', '请选择满意程度（1 到 5）'],
    ['a comment of 201 characters', { level: 4, comment: '好'.repeat(201) }, RECIPIENT, 'INVALID_INPUT', /最多 200 个字/],
    ['a risky comment', { level: 1, comment: '这段话含风险内容' }, RECIPIENT, 'INVALID_INPUT', '留言含有不适宜的内容，请修改后再提交'],
    ['a code no visit has', { level: 5, visitCode: 'V000000000000000' }, RECIPIENT, 'NOT_FOUND', /没有找到这次服务/],
    ['a code no code could be', { level: 5, visitCode: '一次服务' }, RECIPIENT, 'INVALID_INPUT', '服务编号格式不对，请重新扫码'],
  ]
  it.each(refusals)('%s', async (_title, payload, openid, code, message) => {
    const before = await stored()
    expect(await give(payload, openid)).toEqual({ ok: false, code, message: typeof message === 'string' ? message : expect.stringMatching(message) })
    expect(await stored()).toBe(before)
  })

  it('a second feedback on the visit: 409 CONFLICT, and the first stays as it was', async () => {
    dataOf(await give({ level: 5 }))
    const before = await stored()
    expect(await give({ level: 1, comment: '我也来评一下' }, 'o-recipient-2')).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '这次服务已经有人评价过了，每次服务只能评价一次',
    })
    expect(await give({ level: 2 })).toMatchObject({ ok: false, code: 'CONFLICT' }) // the same person again, without a key
    expect(await stored()).toBe(before)
    expect(await api.store.visits.getFeedback(visitCode)).toMatchObject({ openid: RECIPIENT, level: 5 })
  })

  it('after the window: 400 with a message saying it closed, at exactly 7 days, or 3 when the bureau set 3', async () => {
    const before = await stored()
    api.now = new Date(VISITED.getTime() + 7 * DAY)
    expect(await give({ level: 5 })).toEqual({ ok: false, code: 'INVALID_INPUT', message: '这次服务的评价已经截止：服务后 7 天内才能评价' })
    await api.store.saveSettings({ ...DEFAULT_SETTINGS, feedbackWindowDays: 3 })
    api.now = new Date(VISITED.getTime() + 3 * DAY)
    expect(await give({ level: 5 })).toEqual({ ok: false, code: 'INVALID_INPUT', message: '这次服务的评价已经截止：服务后 3 天内才能评价' })
    expect(await stored()).toBe(before)
  })
})

describe("the evaluation's recipient party after a feedback (DESIGN section 3)", () => {
  const recipientsRow = async (code: string) => {
    const { rows } = dataOf<{ rows: EvaluationRow[] }>(await api.call({ action: 'evaluation.get', payload: { period: '2026-03' } }, OPENID.fushanStaff))
    return rows.find((row) => row.workerCode === code)?.recipients
  }

  it('moves S of X and, through the pooled mean, of Y by exactly the shrinkage formula', async () => {
    // Before, in 2026-03: X one feedback at level 5 (100 points), Y two at levels 4 and 2 (80 + 20), each from another person.
    const earlier = { openid: 'o-earlier', subdistrictId: FUSHAN, month: '2026-03', comment: '', commentStatus: 'none' as const, submittedAt: '2026-03-10T02:00:00.000Z' }
    await api.store.submitFeedback({ ...earlier, serviceId: 'svc-x-1', workerCode: X, level: 5 })
    await api.store.submitFeedback({ ...earlier, serviceId: 'svc-y-1', workerCode: Y, level: 4 })
    await api.store.submitFeedback({ ...earlier, openid: 'o-earlier-2', serviceId: 'svc-y-2', workerCode: Y, level: 2 })
    // C = (100 + 80 + 20) / 3 = 66.67; m = 5 (priorWeight).
    // S_X = (100 + 5 x 66.67) / (1 + 5) = 433.33 / 6 = 72.22 -> 72.2; S_Y = (100 + 333.33) / (2 + 5) = 61.90 -> 61.9
    expect(await recipientsRow(X)).toEqual({ n: 1, score: 72.2 })
    expect(await recipientsRow(Y)).toEqual({ n: 2, score: 61.9 })

    dataOf(await give({ level: 3 })) // 60 points for X's visit
    // C = (100 + 60 + 80 + 20) / 4 = 65.
    // S_X = (160 + 5 x 65) / (2 + 5) = 485 / 7 = 69.29 -> 69.3; S_Y = (100 + 325) / (2 + 5) = 425 / 7 = 60.71 -> 60.7
    expect(await recipientsRow(X)).toEqual({ n: 2, score: 69.3 })
    expect(await recipientsRow(Y)).toEqual({ n: 2, score: 60.7 })
  })
})

describe('feedback.submit retried with one key (no idempotency record: the feedback itself answers)', () => {
  it('gives 20 concurrent retries and a later one the first result, one feedback counted once', async () => {
    const payload = { visitCode, level: 2, idempotencyKey: 'feedback-retry-0001' }
    const first = { ok: true, data: { feedbackId: visitCode, period: '2026-03' } }
    const replies = await Promise.all(Array.from({ length: 20 }, () => api.call({ action: 'feedback.submit', payload }, RECIPIENT)))
    expect(replies).toEqual(Array.from({ length: 20 }, () => first))
    expect(await api.call({ action: 'feedback.submit', payload }, RECIPIENT)).toEqual(first)
    // Level 2, once: [0, 1, 0, 0, 0] in the month — not 21 counts, and no CONFLICT for the retries.
    expect(await recipientsOf(X)).toEqual([0, 1, 0, 0, 0])
    // The feedback carries its submit's key (its claim): neither the first run nor a retry writes an idempotency record.
    expect(await api.store.getIdempotent(idempotencyKeyOf(RECIPIENT, 'feedback.submit', 'feedback-retry-0001'))).toBeNull()
  })
})
