import { chinaDateTimeLabel, type InviteCard } from '../../core/invites'
import type { CallError } from '../../platform/call-error'

export interface InviteProblem {
  title: string
  detail: string
  retry: boolean
}

const ASK_AGAIN = '请向社区管理员要一个新的邀请码。'

/** "银泉社区 张敏（YQ01）": whose record an invite binds to. */
export function recordLabel(card: InviteCard): string {
  return `${card.community} ${card.workerName}（${card.workerCode}）`
}

/** An invite that can no longer be accepted, said before anyone taps anything. */
export function closedInvite(card: InviteCard): InviteProblem | null {
  if (card.status === 'used') return { title: '这个邀请码已经被使用过了', detail: `每个邀请码只能用一次。${ASK_AGAIN}`, retry: false }
  if (card.status === 'expired') {
    return { title: '这个邀请码已过期', detail: `有效期至 ${chinaDateTimeLabel(card.expiresAt)}。${ASK_AGAIN}`, retry: false }
  }
  return null
}

/** Reading the invite or binding failed: the server's message says why and what to do. */
export function inviteProblem(error: CallError, binding: boolean): InviteProblem {
  switch (error.code) {
    case 'NETWORK':
      return { title: '网络连接不上', detail: '请检查网络后再试一次。', retry: true }
    case 'NOT_FOUND':
      return { title: '没有找到这个邀请码', detail: error.message, retry: false }
    case 'CONFLICT':
    case 'INVALID_INPUT':
    case 'UNAUTHENTICATED':
      return { title: binding ? '没能绑定' : '打不开这个邀请码', detail: error.message, retry: false }
    default:
      return { title: binding ? '暂时没能绑定' : '暂时打不开这个邀请码', detail: error.message, retry: true }
  }
}
