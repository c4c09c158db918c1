import type { ApiRequest } from '../core/contract'
import { functionOf } from '../core/functions'
import { CallError, NETWORK_MESSAGE, SERVER_MESSAGE } from './call-error'
import { device } from './device.h5'
import { unwrapEnvelope } from './envelope'
import type { CallApi } from './types'

/** The local runtime's endpoint of a function: the same call the mini-program makes with callFunction({ name }). */
const endpointOf = (name: string) => `/cloud/${name}`

export function initPlatform(): void {}

export const callApi: CallApi = async (action, payload) => {
  const body: ApiRequest<typeof action> = { action, payload }
  const headers: Record<string, string> = { 'Content-Type': 'application/json' }
  const identity = device.getDevIdentity()
  if (identity) headers['X-Openid'] = identity.openid
  let response: Response
  try {
    response = await fetch(endpointOf(functionOf(action)), { method: 'POST', headers, body: JSON.stringify(body) })
  } catch {
    throw new CallError('NETWORK', NETWORK_MESSAGE)
  }
  let envelope: unknown
  try {
    envelope = await response.json()
  } catch {
    throw new CallError('INTERNAL', SERVER_MESSAGE)
  }
  return unwrapEnvelope(envelope)
}
