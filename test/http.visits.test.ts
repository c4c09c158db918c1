// 一次一评 over HTTP against the BUILT local runtime with its demo seed, exactly as the H5 app calls it
// (DESIGN section 5): a demo worker logs a visit and gets a QR code of the h5 feedback page; a resident
// reads the visit's card and rates it; the worker's list shows it rated; refusals carry their HTTP status.
import { localCodeImages } from '../server/localCodeImages'
import { useLocalRuntime } from './support/localRuntime'
import { withKey } from './support/keys'

const runtime = useLocalRuntime()

const WORKER = 'dev-worker-YQ01' // 刘建华, YQ01
const RESIDENT = 'dev-resident-1'

async function ok<T>(action: string, payload: unknown, openid?: string): Promise<T> {
  const reply = await runtime.call(action, payload, openid)
  expect({ action, status: reply.status }).toEqual({ action, status: 200 })
  return (reply.json as { data: T }).data
}

it('logs a visit, whose QR code opens the h5 feedback page of this runtime; a resident rates it; the worker sees only that its window is open', async () => {
  const { visitCode, image } = await ok<{ visitCode: string; image: string }>('visit.log', { type: '帮办代办', place: '银泉花园3栋' }, WORKER)
  expect(visitCode).toMatch(/^V[0-9A-Za-z]{15}$/)
  // The QR code of this runtime's own h5 feedback page, with the visit code as scene (test/localCodeImages.test.ts).
  expect(image).toBe(await localCodeImages(() => runtime.url).imageFor('pages/feedback/index', visitCode))

  const card = await ok<Record<string, unknown>>('visit.card', { visitCode }) // anonymous: the page loads before anything else
  expect(card).toEqual({ workerCode: 'YQ01', workerName: '刘建华', type: '帮办代办', at: expect.any(String), feedbackUntil: expect.any(String), feedbackOpen: true, closedBecause: null, ownVisit: false })

  const month = await ok<{ feedbackId: string; period: string }>('feedback.submit', { visitCode, level: 5, idempotencyKey: 'http-feedback-01' }, RESIDENT)
  expect(month).toEqual({ feedbackId: visitCode, period: expect.stringMatching(/^\d{4}-\d{2}$/) })

  const visits = await ok<Array<{ visitCode: string; feedback: unknown }>>('visit.list', {}, WORKER)
  expect(visits[0]).toEqual(expect.objectContaining({ visitCode, type: '帮办代办', place: '银泉花园3栋', feedback: { open: true } }))

  // The retry of the same submit answers the first result; the same key with another level is refused
  // (422, the key belongs to its first payload); another person's feedback is a conflict.
  expect(await ok('feedback.submit', { visitCode, level: 5, idempotencyKey: 'http-feedback-01' }, RESIDENT)).toEqual(month)
  const reused = await runtime.call('feedback.submit', { visitCode, level: 1, idempotencyKey: 'http-feedback-01' }, RESIDENT)
  expect([reused.status, (reused.json as { code?: string }).code]).toEqual([422, 'IDEMPOTENCY_MISMATCH'])
  const second = await runtime.call('feedback.submit', withKey({ visitCode, level: 1 }), 'dev-resident-2')
  expect([second.status, second.json]).toEqual([409, { ok: false, code: 'CONFLICT', message: '这次服务已经有人评价过了，每次服务只能评价一次' }])
})

it('answers each refusal with its status: 401, 403, 403 SELF_RATING, 404, 400', async () => {
  const { visitCode } = await ok<{ visitCode: string }>('visit.log', { type: '关爱走访' }, WORKER)
  const cases: Array<[string, unknown, string | undefined, number, string]> = [
    ['feedback.submit', withKey({ visitCode, level: 4 }), undefined, 401, 'UNAUTHENTICATED'],
    ['feedback.submit', withKey({ visitCode, level: 4 }), WORKER, 403, 'SELF_RATING'],
    ['feedback.submit', withKey({ visitCode: 'V000000000000000', level: 4 }), RESIDENT, 404, 'NOT_FOUND'],
    ['visit.log', { type: '关爱走访' }, RESIDENT, 403, 'FORBIDDEN'],
    ['visit.log', { type: '串门' }, WORKER, 400, 'INVALID_INPUT'],
    ['visit.list', {}, undefined, 401, 'UNAUTHENTICATED'],
    ['worker.qrcode', {}, RESIDENT, 403, 'FORBIDDEN'],
  ]
  for (const [action, payload, openid, status, code] of cases) {
    const reply = await runtime.call(action, payload, openid)
    expect({ action, openid, status: reply.status, code: (reply.json as { code?: string }).code }).toEqual({ action, openid, status, code })
  }
  // None of them was stored: the visit is still open.
  expect(await ok('visit.card', { visitCode })).toMatchObject({ feedbackOpen: true })
})

it("gives a worker their own code: the QR of the h5 rating page, served as a data URL", async () => {
  const { image } = await ok<{ image: string }>('worker.qrcode', {}, WORKER)
  expect(image).toBe(await localCodeImages(() => runtime.url).imageFor('pages/rate/index', 'YQ01'))
})
