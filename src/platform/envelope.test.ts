import { CallError } from './call-error'
import { unwrapEnvelope } from './envelope'

function failure(body: unknown): CallError {
  try {
    unwrapEnvelope(body)
  } catch (error) {
    if (error instanceof CallError) return error
  }
  throw new Error('expected a CallError')
}

describe('unwrapEnvelope', () => {
  it('returns data of an ok envelope', () => {
    expect(unwrapEnvelope<{ period: string }>({ ok: true, data: { period: '2026-03' } })).toEqual({ period: '2026-03' })
  })

  it('throws the code and Chinese message of a failed one', () => {
    const error = failure({ ok: false, code: 'SELF_RATING', message: '不能给自己评价' })
    expect(error.code).toBe('SELF_RATING')
    expect(error.message).toBe('不能给自己评价')
  })

  it('treats anything else as a server problem, never showing raw text', () => {
    expect(failure('<html>502</html>').code).toBe('INTERNAL')
    expect(failure({ ok: false, code: 'WHATEVER' }).code).toBe('INTERNAL')
    expect(failure({ ok: false, code: 'WHATEVER' }).message).toBe('服务暂时出了点问题，请稍后再试')
  })
})
