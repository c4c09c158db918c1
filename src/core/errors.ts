// One error vocabulary for client and cloud; the local runtime maps each code to an HTTP status.

export type ErrorCode =
  | 'INVALID_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'SELF_RATING'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'IDEMPOTENCY_MISMATCH'
  | 'NOT_READY'
  | 'INTERNAL'

export const httpStatusOf: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  SELF_RATING: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  /** An idempotency key sent again with another payload (trust rule 4): nothing changed. */
  IDEMPOTENCY_MISMATCH: 422,
  /** The cloud environment has not been set up yet (admin.setup). */
  NOT_READY: 503,
  INTERNAL: 500,
}

/** A failure a person can act on: `message` is shown to them as is, so it is plain Chinese. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The input field the message is about (a setting's name, e.g. 'weights'), for the page to mark it. */
    readonly field?: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** What every action but session.me answers before admin.setup has run. */
export const NOT_READY_MESSAGE = '系统尚未初始化，请管理员完成初始化'

export type Envelope<T> = { ok: true; data: T } | { ok: false; code: ErrorCode; message: string; field?: string }
