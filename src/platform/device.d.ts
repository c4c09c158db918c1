// Resolved per platform by Taro's multi-platform file suffixes: device.weapp.ts, device.h5.ts.
import type { DeviceApi } from './types'

export declare const device: DeviceApi
