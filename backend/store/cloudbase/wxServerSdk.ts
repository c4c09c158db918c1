// The few parts of wx-server-sdk this function uses, typed, so the entry stays free of `any`.
// wx-server-sdk itself stays external to the bundle: CloudBase installs it beside index.js.
import type { CloudStore } from './cloudStore'

/** The database handle CloudStore is written against. */
export type CloudDatabase = ConstructorParameters<typeof CloudStore>[0]

export interface WxContext {
  OPENID?: string
  APPID?: string
  UNIONID?: string
  /** The caller's address (WX_CLIENTIP), where CloudBase provides it. */
  CLIENTIP?: string
}

/** security.msgSecCheck v2 as returned by a cloud call (fields camel-cased by the SDK). */
export interface MsgSecCheckResult {
  errCode?: number
  errMsg?: string
  result?: { suggest?: string; label?: number }
}

export interface MsgSecCheckRequest {
  version: 2
  /** 1 profile, 2 comment, 3 forum post, 4 social log. */
  scene: 1 | 2 | 3 | 4
  openid: string
  content: string
}

/** Which version of the mini-program a code opens: 开发版, 体验版, 正式版 (WeChat's default). */
export type CodeEnvVersion = 'develop' | 'trial' | 'release'

/** wxacode.getUnlimited as a cloud call: the image in `buffer`; failures reject with `errCode`. */
export interface GetUnlimitedRequest {
  scene: string
  page: string
  /** false: the page need not be in a published version (so errcode 41030 cannot occur). */
  checkPath?: boolean
  /** env_version: the version the code opens; release when absent. */
  envVersion?: CodeEnvVersion
  width?: number
}

export interface GetUnlimitedResult {
  contentType?: string
  buffer: Buffer | Uint8Array
  errCode?: number
  errMsg?: string
}

export interface WxServerSdk {
  DYNAMIC_CURRENT_ENV: symbol | string
  init(options: { env: symbol | string }): void
  database(): CloudDatabase
  getWXContext(): WxContext
  uploadFile(options: { cloudPath: string; fileContent: Buffer | Uint8Array }): Promise<{ fileID: string }>
  /** At most 50 file IDs a call; each answered with its own status (0: deleted). */
  deleteFile(options: { fileList: string[] }): Promise<{ fileList: Array<{ fileID: string; status: number; errMsg?: string }> }>
  openapi: {
    security: {
      msgSecCheck(request: MsgSecCheckRequest): Promise<MsgSecCheckResult>
    }
    wxacode: {
      getUnlimited(request: GetUnlimitedRequest): Promise<GetUnlimitedResult>
    }
    /** The bad-review loop (cloudNotifier.ts): a subscribe message the user agreed to receive. */
    subscribeMessage: {
      send(request: { touser: string; templateId: string; page?: string; data: Record<string, { value: string }> }): Promise<unknown>
    }
  }
}
