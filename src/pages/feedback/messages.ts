import { INACTIVE_WORKER_MESSAGE } from '../../core/org'
import type { CallError } from '../../platform/call-error'
import type { Problem } from '../../components/ProblemScreen'
import { LOAD_PROBLEMS, SUBMIT_PROBLEMS, problemOf, type ProblemWords } from '../../components/problems'

/** Why the visit could not be shown, in words the person served can act on. */
export function visitProblem(error: CallError): Problem {
  const notFound = { title: '没有找到这次服务', detail: '这个评价码可能不完整。请让社区工作者重新出示评价码，再扫一次。', retry: false }
  return problemOf(error, { NOT_FOUND: notFound, INVALID_INPUT: notFound, default: { title: '暂时打不开这次服务', retry: true } }, LOAD_PROBLEMS)
}

/** A worker no longer in post collects no feedback: said instead of the form, and if they left meanwhile. */
export const NOT_IN_POST_TITLE = '这位社区工作者已不在岗，不能再评价'

export function notInPostDetail(workerName: string): string {
  return `${workerName || '这位工作者'}已不在这个岗位上，以前的评价都会保留。想说说现在为您服务的工作者，可以扫 TA 胸牌上的二维码。`
}

/** Why a feedback was not accepted; nothing was saved in any of these cases. */
export function feedbackProblem(error: CallError, workerName = ''): Problem {
  // The worker left their post after the page opened (409 with the message of rating.submit's same rule).
  if (error.code === 'CONFLICT' && error.message === INACTIVE_WORKER_MESSAGE) {
    return { title: NOT_IN_POST_TITLE, detail: notInPostDetail(workerName), retry: false }
  }
  return problemOf(error, FEEDBACK_PROBLEMS, SUBMIT_PROBLEMS)
}

const FEEDBACK_PROBLEMS: ProblemWords = {
  CONFLICT: { title: '这次服务已经评价过了', detail: '每次服务只能评价一次，不用再评。', retry: false },
  SELF_RATING: { title: '不能评价自己的服务', detail: '这个评价码是给您服务的居民扫的。', retry: false },
  UNAUTHENTICATED: { title: '还没有登录，评价没有提交', detail: '请在微信里打开小程序后再评价。', retry: false },
}
