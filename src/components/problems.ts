import type { CallError, CallErrorCode } from '../platform/call-error'
import type { Problem } from './ProblemScreen'

/** A page's words for some error codes; `default` for every other code. Without a detail, the server's message is shown. */
export type ProblemWords = Partial<Record<CallErrorCode | 'default', { title: string; detail?: string; retry: boolean }>>

/** What a scanned code's page says when what it names could not be loaded (a worker's card, a visit). */
export const LOAD_PROBLEMS: ProblemWords = {
  NETWORK: { title: '网络连接不上', detail: '请检查手机网络后再试一次。', retry: true },
}

/** What the rate and feedback pages say when a rating was not accepted; nothing was saved in any of these cases. */
export const SUBMIT_PROBLEMS: ProblemWords = {
  // Rule 11: staff, or a colleague of the same community; the server says which.
  FORBIDDEN: { title: '您不能参与这次评价', retry: false },
  // The server says how many and when to try again (1 分钟后, or 明天).
  RATE_LIMITED: { title: '提交得太频繁了，评价没有提交', retry: true },
  NETWORK: { title: '网络连接不上，评价没有提交', detail: '请检查手机网络后再提交一次。', retry: true },
  default: { title: '评价没有提交成功', retry: true },
}

/** The problem `error` is, in the first table that words its code (or, failing that, has a default). */
export function problemOf(error: CallError, ...tables: ProblemWords[]): Problem {
  const words = tables.find((table) => table[error.code] !== undefined)?.[error.code] ?? tables.find((table) => table.default)?.default
  if (words === undefined) return { title: error.message, retry: true }
  return { title: words.title, detail: words.detail ?? error.message, retry: words.retry }
}
