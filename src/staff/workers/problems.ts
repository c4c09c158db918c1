import type { CallError } from '../../platform/call-error'
import { type StaffProblem, staffProblem } from '../shared/problems'

/** Why the workers list or an invite could not be had, for a community admin. */
export function workersProblem(error: CallError): StaffProblem {
  if (error.code === 'FORBIDDEN' || error.code === 'UNAUTHENTICATED') {
    return {
      title: '您没有管理这个社区工作者的权限',
      detail: '只有本社区的管理员可以查看工作者名单、生成邀请码；如需开通，请联系街道办事处。',
      retry: false,
    }
  }
  return staffProblem(error)
}
