// What the invite handlers share: making an unguessable invite code, finding an invite, and the words
// for each way an invite can fail — said to a worker holding a phone, so each says what to do next.
import { randomInt } from 'node:crypto'
import { ApiError } from '@core/errors'
import { askForNewInvite, chinaDateTimeLabel } from '@core/invites'
import type { Store } from '../store'
import { isStaffInvite, type InviteRecord } from './store'

/**
 * Letters and digits only: scene-safe (SCENE_PATTERN) and safe as a cloud document `_id`; without 0/O,
 * 1/l/I, so a code read out or typed from the admin's screen cannot be misread.
 */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'
/** 15 random characters of 57: about 87 bits, far beyond guessing; with the prefix 16 of the 32 a scene allows. */
export const INVITE_RANDOM_LENGTH = 15
export const INVITE_PREFIX = 'I'

export function newInviteCode(): string {
  let code = INVITE_PREFIX
  for (let i = 0; i < INVITE_RANDOM_LENGTH; i += 1) code += ALPHABET[randomInt(ALPHABET.length)]
  return code
}

/** A worker's invite comes from their community's admin, a staff invite from the bureau or the sub-district. */
const askAgain = (invite: InviteRecord) => askForNewInvite(isStaffInvite(invite) ? invite.staff.role : 'worker')

export const inviteErrors = {
  /** An unknown code names no role; most invites are workers', made by their community's admin. */
  notFound: () => new ApiError('NOT_FOUND', `没有找到这个邀请码，请确认扫的是社区发给您的邀请码。${askForNewInvite('worker')}`),
  used: (invite: InviteRecord) => new ApiError('CONFLICT', `这个邀请码已经被使用过了，每个邀请码只能用一次。${askAgain(invite)}`),
  expired: (invite: InviteRecord) =>
    new ApiError('INVALID_INPUT', `这个邀请码已过期（有效期至 ${chinaDateTimeLabel(invite.expiresAt)}）。${askAgain(invite)}`),
  bound: (name: string) =>
    new ApiError('CONFLICT', `您的微信已经是“${name}”的账号，一个微信只能绑定一个账号。如需更换，请联系社区管理员。`),
  /** Someone bound this openid while we were binding it: the name is not known here. */
  boundMeanwhile: () => new ApiError('CONFLICT', '您的微信已经绑定了一个账号，一个微信只能绑定一个账号。如需更换，请联系社区管理员。'),
}


export async function findInvite(store: Store, inviteCode: string): Promise<InviteRecord> {
  const invite = await store.invites.getInvite(inviteCode)
  if (invite === null) throw inviteErrors.notFound()
  return invite
}

