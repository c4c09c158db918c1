// What every handler receives besides its payload. Identity comes only from the runtime
// (cloud.getWXContext().OPENID in the cloud, the X-Openid header locally), never from a payload.
import type { ActionName, PayloadOf, ResultOf } from '../../../src/core/contract'
import type { Role } from '../../../src/core/types'
import type { PrincipalRecord, Store } from './store'
import type { SecretKeeper } from './domain/secrets'

export interface Caller {
  /** null: anonymous (local runtime without X-Openid), can only read public data. */
  openid: string | null
  /** Looked up server-side on every call; a caller with no binding is a resident. */
  role: Role
  principal: PrincipalRecord | null
  /** Set when looking the caller up found the store not set up yet (before admin.setup). */
  storeNotSetUp?: true
}

export type ModerationVerdict = 'pass' | 'review' | 'risky'

/** Content moderation of free text: security.msgSecCheck in the cloud, a keyword list locally. */
export interface Moderation {
  check(text: string, openid: string): Promise<ModerationVerdict>
}

/** The pages a scannable code may open: the one `scene` each reads is the code's payload. */
export type CodePage = 'pages/rate/index' | 'pages/feedback/index' | 'worker/invite/index'

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
 * (cloud.downloadFile, cloud.uploadFile + getTempFileURL); locally, files under DATA_DIR served back
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
  /** Stores a file the caller downloads (`fileName` ends in its extension) and answers a URL to fetch it. */
  write(fileName: string, bytes: Buffer): Promise<{ url: string }>
}

/**
 * Messages to a person outside the mini-program (issue 9, the bad-review loop): in the cloud a WeChat
 * subscribe message (subscribeMessage.send, asked for on the result screen); locally nothing is sent,
 * the rater's home page shows the notice from the store instead. Absent: nothing is sent.
 */
export interface Notifier {
  /** Tells the rater of case `caseId` that the cause of their bad rating was rectified; false when it could not be sent. */
  caseRectified(raterOpenid: string, caseId: string, summary: { workerName: string; note: string; at: string }): Promise<boolean>
}

export interface HandlerContext {
  caller: Caller
  store: Store
  now: Date
  moderation: Moderation
  codeImages: CodeImages
  files?: FileStorage
  /**
   * Issue 9, suspicious patterns: the caller's network address from the runtime, never from a payload —
   * the local runtime's socket address, CloudBase's CLIENTIP where present. Absent when unknown.
   */
  clientIp?: string
  notifier?: Notifier
  /** The deployment's keys (domain/secrets.ts): read only by the actions that need them; NOT_READY before setup. */
  secrets: SecretKeeper
}

export type Handler<A extends ActionName> = (payload: PayloadOf<A>, ctx: HandlerContext) => Promise<ResultOf<A>>

export type HandlerTable = { [A in ActionName]?: Handler<A> }
