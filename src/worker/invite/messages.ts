import { askForNewInvite, chinaDateTimeLabel, staffPlace, staffPlaceLabel, type InviteCard } from '../../core/invites'
import { STAFF_ROLE_LABEL } from '../../core/org'
import type { CallError } from '../../platform/call-error'

export interface InviteProblem {
  title: string
  detail: string
  retry: boolean
}

/** "银泉社区 张敏（YQ01）": whose record a worker invite binds to; "浮山办事处 银泉社区", where staff will work. */
export function recordLabel(card: InviteCard): string {
  if (card.role !== 'worker') return staffPlace(card)
  return `${card.community} ${card.workerName}（${card.workerCode}）`
}

/** What the accept page says above and below the record, and after binding: a worker's and staff's words. */
export function inviteWording(card: InviteCard): { lead: string; tail: string; explain: string; done: string } {
  if (card.role === 'worker') {
    return {
      lead: '绑定为',
      tail: '的工作账号',
      explain: '绑定后，用这个微信打开小程序，就能在首页进入我的工作台。一个微信只能绑定一个工作账号。',
      done: `您的微信已是${recordLabel(card)}的工作账号。`,
    }
  }
  return {
    lead: `${card.name}，您被邀请成为`,
    tail: `的${STAFF_ROLE_LABEL[card.role]}`,
    explain: '接受后，用这个微信打开小程序，就能在首页进入工作页面。一个微信只能绑定一个账号。',
    done: `您的微信已绑定为${staffPlaceLabel(card)}。`,
  }
}

/** An invite that can no longer be accepted, said before anyone taps anything, naming who makes a new one. */
export function closedInvite(card: InviteCard): InviteProblem | null {
  const askAgain = askForNewInvite(card.role)
  if (card.status === 'used') return { title: '这个邀请码已经被使用过了', detail: `每个邀请码只能用一次。${askAgain}`, retry: false }
  if (card.status === 'expired') {
    return { title: '这个邀请码已过期', detail: `有效期至 ${chinaDateTimeLabel(card.expiresAt)}。${askAgain}`, retry: false }
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
