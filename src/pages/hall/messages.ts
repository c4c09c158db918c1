import type { CallError } from '../../platform/call-error'
import type { Problem } from '../../components/ProblemScreen'
import { LOAD_PROBLEMS, SUBMIT_PROBLEMS, problemOf, type ProblemWords } from '../../components/problems'

/** Why the hall could not be shown, in words the person at the counter can act on. */
export function hallProblem(error: CallError): Problem {
  const notFound = { title: '没有找到这个服务大厅', detail: '这个二维码可能不完整。请对准服务窗口上张贴的评价码再扫一次。', retry: false }
  return problemOf(error, { NOT_FOUND: notFound, INVALID_INPUT: notFound, default: { title: '暂时打不开大厅的评价', retry: true } }, LOAD_PROBLEMS)
}

/** Why a feedback at the window was not accepted; nothing was saved in any of these cases. */
export function hallFeedbackProblem(error: CallError): Problem {
  return problemOf(error, HALL_FEEDBACK_PROBLEMS, SUBMIT_PROBLEMS)
}

const HALL_FEEDBACK_PROBLEMS: ProblemWords = {
  // Rated this worker today already, or they went off duty meanwhile: the server's message says which.
  CONFLICT: { title: '这次评价没有提交', retry: false },
  SELF_RATING: { title: '不能评价自己的服务', detail: '大厅的评价码是给来办事的居民扫的。', retry: false },
  UNAUTHENTICATED: { title: '还没有登录，评价没有提交', detail: '请在微信里打开小程序后再评价。', retry: false },
}
