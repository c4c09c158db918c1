// Resolved per platform by Taro's multi-platform file suffixes: scroll.weapp.ts, scroll.h5.ts.
// A form that refuses a save brings its first red message into view: WeChat scrolls the page to a
// selector (pageScrollTo), a browser scrolls the element itself (scrollIntoView).

export interface ScrollApi {
  /** Scrolls the page so the first element matching `selector` (a class) is in view, a little below the top; nothing if none. */
  toFirst(selector: string): void
}

export declare const scroll: ScrollApi
