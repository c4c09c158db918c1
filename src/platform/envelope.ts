import type { ErrorCode } from '../core/errors'
import { CallError, SERVER_MESSAGE } from './call-error'

const ERROR_CODES: readonly ErrorCode[] = [
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'SELF_RATING',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'IDEMPOTENCY_MISMATCH',
  'INTERNAL',
]

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

/** Opens the `{ ok, data } | { ok, code, message }` envelope of the cloud function; throws CallError on failure. */
export function unwrapEnvelope<T>(body: unknown): T {
  if (!isRecord(body) || typeof body.ok !== 'boolean') {
    throw new CallError('INTERNAL', SERVER_MESSAGE)
  }
  if (body.ok) return body.data as T
  const code = isErrorCode(body.code) ? body.code : 'INTERNAL'
  const message = typeof body.message === 'string' && body.message !== '' ? body.message : SERVER_MESSAGE
  throw new CallError(code, message, typeof body.field === 'string' ? body.field : undefined)
}
