import Taro from '@tarojs/taro'
import { scanTargetOf } from './scene'
import type { DeviceApi, ScanResult } from './types'

function isCancel(error: unknown): boolean {
  const message = typeof error === 'object' && error !== null && 'errMsg' in error ? String(error.errMsg) : ''
  return message.includes('cancel')
}

async function scanCode(): Promise<ScanResult> {
  try {
    const res = await Taro.scanCode({})
    const target = scanTargetOf(res.path, res.result)
    return target ? { ok: true, target } : { ok: false, reason: 'not-a-worker-code' }
  } catch (error) {
    return { ok: false, reason: isCancel(error) ? 'cancelled' : 'failed' }
  }
}

function fontScale(): number {
  // getAppBaseInfo exists from base library 2.20.1; older clients keep the standard size.
  // fontSizeScaleFactor is newer than Taro's typings, hence the `in` check.
  if (typeof Taro.getAppBaseInfo !== 'function') return 1
  const info: object = Taro.getAppBaseInfo()
  const factor = 'fontSizeScaleFactor' in info ? info.fontSizeScaleFactor : undefined
  return typeof factor === 'number' && factor > 0 ? factor : 1
}

function makePhoneCall(phoneNumber: string): void {
  // WeChat asks the user to confirm; a cancel rejects, and there is nothing to tell them then.
  Taro.makePhoneCall({ phoneNumber }).catch(() => undefined)
}

export const device: DeviceApi = {
  canScan: true,
  canContactService: true,
  isLocalRuntime: false,
  scanCode,
  getDevIdentity: () => null,
  setDevIdentity: () => undefined,
  fontScale,
  makePhoneCall,
}
