import Taro from '@tarojs/taro'
import type { ApiRequest } from '../core/contract'
import { functionOf } from '../core/functions'
import { CallError, NETWORK_MESSAGE } from './call-error'
import { unwrapEnvelope } from './envelope'
import type { CallApi } from './types'

export function initPlatform(): void {
  const env = process.env.TARO_APP_CLOUD_ENV
  // Without an env id, wx.cloud uses the mini-program's default cloud environment.
  Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true })
}

export const callApi: CallApi = async (action, payload) => {
  const data: ApiRequest<typeof action> = { action, payload }
  let result: unknown
  try {
    const response = await Taro.cloud.callFunction({ name: functionOf(action), data })
    result = response.result
  } catch {
    throw new CallError('NETWORK', NETWORK_MESSAGE)
  }
  return unwrapEnvelope(result)
}
