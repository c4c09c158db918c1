// What every handler receives besides its payload. Identity comes only from the runtime
// (cloud.getWXContext().OPENID in the cloud, the X-Openid header locally), never from a payload.
import type { Allowed } from '@core/access'
import type { ActionName, ManualSetupStep, PayloadOf, ResultOf } from '@core/contract'
import type { StaffRole } from '@core/roles'
import type { FileLink } from '@core/fileLink'
import type { Role } from '@core/types'
import type { PrincipalRecord, Store } from './store'
import type { SecretKeeper } from './secrets/secrets'

export interface Caller {
  /** null: anonymous (local runtime without X-Openid), can only read public data. */
  openid: string | null
  /** Looked up server-side on every call; a caller with no binding is a resident. */
  role: Role
  principal: PrincipalRecord | null
  /** Set when looking the caller up found the store not set up yet (before admin.setup). */
  storeNotSetUp?: true
}

/** A caller with a WeChat identity. */
export interface SignedIn extends Caller {
  openid: string
}

/** A resident or a worker: the people who rate and give feedback (rule 11). */
export interface Rater extends SignedIn {
  role: 'resident' | 'worker'
}

/** A worker bound by invite to a worker record: their own actions act on `workerCode`, never a payload's. */
export interface BoundWorker extends SignedIn {
  role: 'worker'
  principal: PrincipalRecord & { role: 'worker'; workerCode: string }
  workerCode: string
}

/** Staff (or, where the table says so, a worker) whose bound record has one of the roles `R`. */
export interface Staff<R extends StaffRole = StaffRole> extends SignedIn {
  role: R
  principal: PrincipalRecord & { role: R }
}

/**
 * The caller a handler of `A` receives: the door has already refused everyone the access table leaves out
 * (src/core/access.ts), so the type says who is left and a handler cannot forget the check.
 */
export type CallerOf<A extends ActionName> = 'anonymous' extends Allowed<A>
  ? Caller
  : [Allowed<A>] extends ['worker']
    ? BoundWorker
    : [Allowed<A>] extends ['resident' | 'worker']
      ? Rater
      : [Allowed<A>] extends [StaffRole]
        ? Staff<Extract<Allowed<A>, StaffRole>>
        : SignedIn

export type ModerationVerdict = 'pass' | 'review' | 'risky'

/**
 * What kind of text msgSecCheck (version 2) is asked about, its `scene`: 1 资料 (names, profiles),
 * 2 评论 (comments), 3 论坛 (forum posts), 4 社交日志 (social log entries).
 */
export type ModerationScene = 1 | 2 | 3 | 4

/**
 * Content moderation of free text: security.msgSecCheck in the cloud, a keyword list locally. `openid`
 * is the writer's (WeChat weighs who wrote it, and wants someone who used the app in the last two hours).
 */
export interface Moderation {
  check(text: string, openid: string, scene: ModerationScene): Promise<ModerationVerdict>
}

/** The pages a scannable code may open: the one `scene` each reads is the code's payload. */
export type CodePage = 'pages/rate/index' | 'pages/feedback/index' | 'pages/hall/index' | 'worker/invite/index'

/**
 * Scannable codes (DESIGN section 7): in the cloud a mini-program code (wxacode.getUnlimited, `scene`
 * <= 32 chars) kept in cloud storage and reused; locally a QR PNG of the h5 page's URL.
 */
export interface CodeImages {
  /** An image the mini-program can show: a cloud file ID in the cloud, a `data:image/png` URL locally. */
  imageFor(page: CodePage, scene: string): Promise<string>
}

/**
 * Files the spreadsheet actions read and write (the function `files`): in the cloud, cloud storage
 * (cloud.downloadFile, cloud.uploadFile); locally, files under DATA_DIR served back
 * by the local runtime. Absent where no action needs it.
 */
export interface FileStorage {
  /**
   * The bytes of a file `reader` uploaded (a cloud file ID, or the local runtime's upload id); NOT_FOUND
   * when there is none, FORBIDDEN when it is someone else's (an upload is its uploader's only).
   */
  read(fileId: string, reader: string): Promise<Buffer>
  /**
   * Where `uploader` may upload a file next, recorded as theirs (the cloud: a cloud path their read then
   * accepts). Absent where uploads need no path (the local runtime's POST /cloud/upload keeps the uploader).
   */
  issueUpload?(uploader: string): Promise<string>
  /**
   * Stores a file the caller downloads (`fileName` ends in its extension) and answers how to fetch it: the
   * cloud its file ID (the mini-program's wx.cloud.downloadFile), the local runtime a URL it serves.
   */
  write(fileName: string, bytes: Buffer): Promise<FileLink>
}

/** A message sent, or the words the case keeps for staff when it was not (通知居民失败：…). */
export type NoticeOutcome = { sent: true } | { sent: false; failure: string }

/**
 * Messages to a person outside the mini-program (the bad-review loop): in the cloud a WeChat
 * subscribe message (subscribeMessage.send, asked for on the result screen); locally nothing is sent,
 * the rater's home page shows the notice from the store instead. Absent: nothing is sent.
 */
export interface Notifier {
  /** Tells the rater of case `caseId` that the cause of their bad rating was rectified. Never throws. */
  caseRectified(raterOpenid: string, caseId: string, summary: { workerName: string; note: string; at: string }): Promise<NoticeOutcome>
}

/** The runtime's file storage: every runtime serving the spreadsheet actions provides one. */
export function fileStorageOf(ctx: HandlerContext<Caller>): FileStorage {
  if (ctx.files === undefined) throw new Error('file storage is not configured for this runtime')
  return ctx.files
}

export interface HandlerContext<C extends Caller = Caller> {
  caller: C
  store: Store
  now: Date
  moderation: Moderation
  codeImages: CodeImages
  files?: FileStorage
  /**
   * For the suspicious patterns: the caller's network address from the runtime, never from a payload —
   * the local runtime's socket address, CloudBase's CLIENTIP where present. Absent when unknown.
   */
  clientIp?: string
  notifier?: Notifier
  /** The deployment's keys (domain/secrets.ts): read only by the actions that need them; NOT_READY before setup. */
  secrets: SecretKeeper
  /** Setup steps this runtime cannot take through any API (the cloud: storage rules), which admin.setup answers. */
  manualSetup?: readonly ManualSetupStep[]
}

export type Handler<A extends ActionName> = (payload: PayloadOf<A>, ctx: HandlerContext<CallerOf<A>>) => Promise<ResultOf<A>>

/** The handlers of a set of actions, every one present: a forgotten handler fails `tsc`. */
export type HandlersOf<A extends ActionName> = { [K in A]: Handler<K> }

/** What the door serves: a function's complete table (the cloud `api` or `files`, or both locally). */
export type HandlerTable = { [A in ActionName]?: Handler<A> }
