import type { ErrorCode } from '../core/errors'

/** `NETWORK`: the call never reached the cloud function (offline, timeout, server down). */
export type CallErrorCode = ErrorCode | 'NETWORK'

/** A failed call, with a message in plain Chinese that the page may show as is. */
export class CallError extends Error {
  constructor(
    readonly code: CallErrorCode,
    message: string,
    /** The input field the failure is about, when the server named one (settings.save). */
    readonly field?: string,
  ) {
    super(message)
    this.name = 'CallError'
  }
}

export const NETWORK_MESSAGE = '网络连接不上，请检查网络后再试一次'
export const SERVER_MESSAGE = '服务暂时出了点问题，请稍后再试'
