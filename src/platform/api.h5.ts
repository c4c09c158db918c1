import type { ApiRequest } from '../core/contract'
import { functionOf } from '../core/functions'
import { postToRuntime } from './runtime.h5'
import type { CallApi } from './types'

/** The local runtime's endpoint of a function: the same call the mini-program makes with callFunction({ name }). */
const endpointOf = (name: string) => `/cloud/${name}`

export function initPlatform(): void {}

export const callApi: CallApi = async (action, payload) => {
  const body: ApiRequest<typeof action> = { action, payload }
  return postToRuntime(endpointOf(functionOf(action)), 'application/json', JSON.stringify(body))
}
