// Invites that bind a worker's WeChat account to their worker record (issue 7, part 1): a community
// admin makes one, the worker opens it (a mini-program code or h5 link with the invite in `scene`).
// Pure rules shared by the pages and the cloud function.

/** An invite works for 7 days after it is made (issue 7: "Invites expire (7 days by default)"). */
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

/** `invite.card`: whose record an invite binds to, for the accept page before it asks 确认绑定. */
export interface InviteCard {
  inviteCode: string
  workerCode: string
  workerName: string
  community: string
  /** ISO instant. */
  expiresAt: string
  status: InviteStatus
}

/** One worker of `community.workers`: a community admin's list, with whether a WeChat account is bound. */
export interface CommunityWorker {
  workerCode: string
  name: string
  post: string
  grid: string
  bound: boolean
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
