// Resolved per platform by Taro's multi-platform file suffixes: privacy.weapp.ts, privacy.h5.ts.
// WeChat's privacy authorisation (base library 2.32.3+, app.config's __usePrivacyCheck__): before a privacy
// API of WeChat's list (here saveImageToPhotosAlbum on the worker's poster, chooseMessageFile on the roster
// import) runs for a user who has not agreed yet, WeChat asks the mini-program (onNeedPrivacyAuthorization)
// to show its own agreement; the API waits until the user agrees (a button of open-type
// agreePrivacyAuthorization, then resolve with that button's id) or refuses (resolve disagree: the API fails
// with "privacy permission is not authorized").
// https://developers.weixin.qq.com/miniprogram/dev/api/open-api/privacy/wx.onNeedPrivacyAuthorization.html

/** One page's place for the agreement: every page has one (the Screen at its root). */
export interface PrivacyHost {
  /** An element of the host's page, to tell whether that page is the one in front. */
  element(): unknown
  /** Shows or hides the agreement on the host's page. */
  setOpen(open: boolean): void
}

export interface PrivacyApi {
  /** The platform asks for agreement at all (the mini-program); a browser never does. */
  readonly supported: boolean
  /**
   * Adds a page's host; while WeChat waits for an answer, only the host on the page in front shows the
   * agreement. WeChat's listener is registered once, on the first host. Returns the removal.
   */
  host(host: PrivacyHost): () => void
  /** A page came to the front: the question still waiting moves to it. */
  refresh(): void
  /** The user tapped the agree button with this id (after its agreeprivacyauthorization event). */
  agree(buttonId: string): void
  /** The user refused: the waiting API fails with "privacy permission is not authorized". */
  disagree(): void
}

export declare const privacy: PrivacyApi
