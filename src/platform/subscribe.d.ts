// Resolved per platform by Taro's multi-platform file suffixes: subscribe.weapp.ts, subscribe.h5.ts.
// The bad-review loop: a rater of level 1-2 may agree, on the result screen, to one subscribe
// message telling them the community rectified the cause (the function sends it: cloudNotifier.ts).

export interface SubscribeApi {
  /** A template is configured (TARO_APP_SUBSCRIBE_TEMPLATE_ID) and the platform can ask; the browser never does. */
  readonly supported: boolean
  /** Asks (from a tap); true when the user accepted. */
  askForRectificationNotice(): Promise<boolean>
}

export declare const subscribe: SubscribeApi
