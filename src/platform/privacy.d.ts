// Resolved per platform by Taro's multi-platform file suffixes: privacy.weapp.ts, privacy.h5.ts.
// WeChat's privacy authorisation (base library 2.32.3+, app.config's __usePrivacyCheck__): before a private
// API (scanCode, requestSubscribeMessage, chooseMessageFile …) runs for a user who has not agreed yet, WeChat
// asks the mini-program (onNeedPrivacyAuthorization) to show its own agreement; the API waits until the
// user agrees (a button of open-type agreePrivacyAuthorization, then resolve) or refuses.

export interface PrivacyApi {
  /** The platform asks for agreement at all (the mini-program); a browser never does. */
  readonly supported: boolean
  /**
   * Calls `show` whenever WeChat asks for agreement (and at once if it already asked and nobody answered);
   * returns the unsubscribe. WeChat's listener is registered once, on the first subscription.
   */
  onRequest(show: () => void): () => void
  /** The user tapped the agree button with this id (after its agreeprivacyauthorization event). */
  agree(buttonId: string): void
  /** The user refused: the waiting API fails with "privacy permission is not authorized". */
  disagree(): void
}

export declare const privacy: PrivacyApi
