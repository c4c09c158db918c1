import { CallError, NETWORK_MESSAGE, SERVER_MESSAGE } from './call-error'
import { device } from './device.h5'
import { unwrapEnvelope } from './envelope'

/**
 * One POST to the local runtime as the caller the identity switcher picked (X-Openid: the runtime's stand-in
 * for WeChat's OPENID), its envelope opened. Rejects with a CallError: NETWORK when the runtime could not be
 * reached, INTERNAL when it answered something that is not an envelope.
 */
export async function postToRuntime<T>(path: string, contentType: string, body: BodyInit): Promise<T> {
  const headers: Record<string, string> = { 'Content-Type': contentType }
  const identity = device.getDevIdentity()
  if (identity) headers['X-Openid'] = identity.openid
  let response: Response
  try {
    response = await fetch(path, { method: 'POST', headers, body })
  } catch {
    throw new CallError('NETWORK', NETWORK_MESSAGE)
  }
  let envelope: unknown
  try {
    envelope = await response.json()
  } catch {
    throw new CallError('INTERNAL', SERVER_MESSAGE)
  }
  return unwrapEnvelope<T>(envelope)
}
