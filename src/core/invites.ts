// Invites that bind a worker's WeChat account to their worker record: a community
// admin makes one, the worker opens it (a mini-program code or h5 link with the invite in `scene`).
// Pure rules shared by the pages and the cloud function. Staff invites work the same way.
import { STAFF_ROLE_LABEL, type StaffInviteRole } from './org'

/** An invite works for 7 days after it is made; after that, askForNewInvite says whom to ask. */
export const INVITE_VALID_DAYS = 7

const DAY_MS = 24 * 60 * 60 * 1000

/** When an invite made at `createdAt` stops working. */
export function inviteExpiresAt(createdAt: Date): Date {
  return new Date(createdAt.getTime() + INVITE_VALID_DAYS * DAY_MS)
}

/** Expired from the instant `expiresAt` (ISO) is reached. */
export function isInviteExpired(expiresAt: string, now: Date): boolean {
  return now.getTime() >= Date.parse(expiresAt)
}

/**
 * What an invite is to the person who opened it: `open` (can be accepted), `accepted` (by this very
 * caller: done already), `used` (by someone else), `expired`.
 */
export type InviteStatus = 'open' | 'accepted' | 'used' | 'expired'

interface InviteCardTerms {
  inviteCode: string
  /** ISO instant. */
  expiresAt: string
  status: InviteStatus
}

/** `invite.card` of a worker invite: whose record it binds to, for the accept page before it asks 确认绑定. */
export interface WorkerInviteCard extends InviteCardTerms {
  role: 'worker'
  workerCode: string
  workerName: string
  community: string
}

/**
 * `invite.card` of a staff invite: the person it names, and where they will work — a
 * sub-district (`community` empty) or a community of it.
 */
export interface StaffInviteCard extends InviteCardTerms {
  role: StaffInviteRole
  name: string
  subdistrict: string
  community: string
}

export type InviteCard = WorkerInviteCard | StaffInviteCard

/**
 * Who to ask for a new invite when one is used or expired: whoever makes that kind of invite. A worker's
 * comes from their community's admin; sub-district staff are invited by the bureau alone; a
 * community's admin by the bureau or their sub-district office (org.invite).
 */
export function askForNewInvite(role: InviteCard['role']): string {
  if (role === 'subdistrict') return '请向市民政局要一个新的邀请码。'
  if (role === 'community') return '请向街道办事处或市民政局要一个新的邀请码。'
  return '请向社区管理员要一个新的邀请码。'
}

/** “浮山办事处”, “浮山办事处 银泉社区”: where a staff invite's holder will work. */
export function staffPlace(card: StaffInviteCard): string {
  return card.role === 'community' ? `${card.subdistrict} ${card.community}` : card.subdistrict
}

/** “浮山办事处的街道工作人员”, “浮山办事处 银泉社区的社区管理员”: what a staff invite makes of its holder. */
export function staffPlaceLabel(card: StaffInviteCard): string {
  return `${staffPlace(card)}的${STAFF_ROLE_LABEL[card.role]}`
}

/** One worker of `community.workers`: a community admin's list, with whether a WeChat account is bound. */
export interface CommunityWorker {
  workerCode: string
  name: string
  post: string
  grid: string
  bound: boolean
  /** Present only for a worker no longer in post: they cannot be invited. */
  inactive?: true
}

export interface CommunityWorkers {
  community: string
  workers: CommunityWorker[]
}

/** 2026年4月17日 10:05, China time (UTC+8): how an invite's end is shown. */
export function chinaDateTimeLabel(iso: string): string {
  const china = new Date(Date.parse(iso) + 8 * 60 * 60 * 1000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${china.getUTCFullYear()}年${china.getUTCMonth() + 1}月${china.getUTCDate()}日 ${pad(china.getUTCHours())}:${pad(china.getUTCMinutes())}`
}
