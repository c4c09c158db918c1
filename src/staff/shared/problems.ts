import type { CallError } from '../../platform/call-error'

export interface StaffProblem {
  title: string
  detail: string
  retry: boolean
}

/** Why an evaluation or a score could not be read or saved, for a sub-district clerk. */
export function staffProblem(error: CallError): StaffProblem {
  switch (error.code) {
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
      return {
        title: '您没有查看或录入这个街道评价的权限',
        detail: '评价结果只对街道工作人员和市民政局开放；如需开通，请联系街道或市民政局的管理员。',
        retry: false,
      }
    case 'NETWORK':
      return { title: '网络连接不上', detail: '请检查网络后再试一次。', retry: true }
    case 'CONFLICT':
      // A submitted (locked) scoring sheet, or one someone else saved meanwhile: the message says what to do.
      return { title: '没有保存', detail: error.message, retry: false }
    case 'INVALID_INPUT':
    case 'NOT_FOUND':
      return { title: '没能完成', detail: error.message, retry: false }
    default:
      return { title: '暂时没能完成', detail: error.message, retry: true }
  }
}
