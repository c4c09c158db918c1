import type { WorkerCard } from '../../core/types'
import type { CallError } from '../../platform/call-error'
import type { Problem } from '../../components/ProblemScreen'
import { LOAD_PROBLEMS, SUBMIT_PROBLEMS, problemOf, type ProblemWords } from '../../components/problems'

/** Why the worker's card could not be shown, in words a resident can act on. */
export function cardProblem(error: CallError, workerCode: string): Problem {
  const notFound = { title: `没有找到编号为 ${workerCode} 的社区工作者`, detail: '请核对二维码或编号，回到首页重新扫码或输入。', retry: false }
  return problemOf(error, { NOT_FOUND: notFound, INVALID_INPUT: notFound, default: { title: '暂时打不开工作者信息', retry: true } }, LOAD_PROBLEMS)
}

/** Why a rating was not accepted; nothing was saved in any of these cases. */
export function submitProblem(error: CallError): Problem {
  return problemOf(error, RATE_PROBLEMS, SUBMIT_PROBLEMS)
}

const RATE_PROBLEMS: ProblemWords = {
  SELF_RATING: { title: '不能给自己评价', detail: '这个评价码是留给您服务的居民用的。', retry: false },
  UNAUTHENTICATED: { title: '还没有登录，评价没有提交', detail: '请回到首页，进入小程序后再评价。', retry: false },
}

/** Who the code belonged to, that their ratings stay, and where to find who serves the grid now. */
export function inactiveDetail(card: WorkerCard): string {
  const who = card.community ? `${card.community}的${card.name}` : card.name
  return `${who}已不在这个岗位上，以前的评价都会保留。想知道现在谁为您的小区服务，请回到首页，选择您住的小区。`
}
