// Resolved per platform by Taro's multi-platform file suffixes: api.weapp.ts, api.h5.ts.
import type { CallApi } from './types'

export declare const callApi: CallApi
/** Called once at launch (the mini-program initialises Taro.cloud). */
export declare function initPlatform(): void
