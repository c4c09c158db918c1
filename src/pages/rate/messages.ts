import type { WorkerCard } from '../../core/types'
import type { CallError } from '../../platform/call-error'

import type { Problem } from '../../components/ProblemScreen'

/** Why the worker's card could not be shown, in words a resident can act on. */
export function cardProblem(error: CallError, workerCode: string): Problem {
  switch (error.code) {
    case 'NOT_FOUND':
    case 'INVALID_INPUT':
      return {
        title: `没有找到编号为 ${workerCode} 的社区工作者`,
        detail: '请核对二维码或编号，回到首页重新扫码或输入。',
        retry: false,
      }
    case 'NETWORK':
      return { title: '网络连接不上', detail: '请检查手机网络后再试一次。', retry: true }
    default:
      return { title: '暂时打不开工作者信息', detail: error.message, retry: true }
  }
}

/** Why a rating was not accepted; nothing was saved in any of these cases. */
export function submitProblem(error: CallError): Problem {
  switch (error.code) {
    case 'SELF_RATING':
      return { title: '不能给自己评价', detail: '这个评价码是留给您服务的居民用的。', retry: false }
    case 'FORBIDDEN':
      // Rule 11: staff, or a colleague of the same community; the server says which.
      return { title: '您不能参与这次评价', detail: error.message, retry: false }
    case 'UNAUTHENTICATED':
      return { title: '还没有登录，评价没有提交', detail: '请回到首页，进入小程序后再评价。', retry: false }
    case 'RATE_LIMITED':
      // The server says how many and when to try again (1 分钟后, or 明天).
      return { title: '提交得太频繁了，评价没有提交', detail: error.message, retry: true }
    case 'NETWORK':
      return { title: '网络连接不上，评价没有提交', detail: '请检查手机网络后再提交一次。', retry: true }
    default:
      return { title: '评价没有提交成功', detail: error.message, retry: true }
  }
}

/** Who the code belonged to, that their ratings stay, and where to find who serves the grid now. */
export function inactiveDetail(card: WorkerCard): string {
  const who = card.community ? `${card.community}的${card.name}` : card.name
  return `${who}已不在这个岗位上，以前的评价都会保留。想知道现在谁为您的小区服务，请回到首页，选择您住的小区。`
}
