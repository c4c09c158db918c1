import { useCallback, useEffect, useRef, useState } from 'react'
import type { ActionName, PayloadInputOf, ResultOf } from '../core/contract'
import { callApi } from '../platform/api'
import { CallError, SERVER_MESSAGE } from '../platform/call-error'

export type AsyncState<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ok'; data: T }
  | { status: 'error'; error: CallError }

export function toCallError(error: unknown): CallError {
  return error instanceof CallError ? error : new CallError('INTERNAL', SERVER_MESSAGE)
}

/**
 * Loads `action` whenever the payload changes (compared by value); a null payload loads nothing.
 * `caller` names who is asking when the answer depends on it but the payload does not (the local
 * runtime's demo identity): a new caller loads again. A late answer to an outdated payload is dropped.
 */
export function useApiQuery<A extends ActionName>(action: A, payload: PayloadInputOf<A> | null, caller = '') {
  const [state, setState] = useState<AsyncState<ResultOf<A>>>({ status: 'idle' })
  const [attempt, setAttempt] = useState(0)
  const key = payload === null ? null : `${caller}|${JSON.stringify(payload)}`
  const payloadRef = useRef(payload)
  payloadRef.current = payload
  // A silent reload keeps showing the current data until the fresh answer arrives.
  const silentRef = useRef(false)

  useEffect(() => {
    const current = payloadRef.current
    if (current === null) {
      setState({ status: 'idle' })
      return undefined
    }
    let live = true
    if (!silentRef.current) setState({ status: 'loading' })
    silentRef.current = false
    callApi(action, current).then(
      (data) => live && setState({ status: 'ok', data }),
      (error: unknown) => live && setState({ status: 'error', error: toCallError(error) }),
    )
    return () => {
      live = false
    }
  }, [action, key, attempt])

  const reload = useCallback((options?: { silent?: boolean }) => {
    silentRef.current = options?.silent === true
    setAttempt((n) => n + 1)
  }, [])
  return { state, reload }
}

/** A write: `run` sends one payload at a time; while one is in flight further runs are ignored. */
export function useApiMutation<A extends ActionName>(action: A) {
  const [state, setState] = useState<AsyncState<ResultOf<A>>>({ status: 'idle' })
  const busy = useRef(false)

  const run = useCallback(
    async (payload: PayloadInputOf<A>): Promise<ResultOf<A> | null> => {
      if (busy.current) return null
      busy.current = true
      setState({ status: 'loading' })
      try {
        const data = await callApi(action, payload)
        setState({ status: 'ok', data })
        return data
      } catch (error) {
        setState({ status: 'error', error: toCallError(error) })
        return null
      } finally {
        busy.current = false
      }
    },
    [action],
  )
  const reset = useCallback(() => setState({ status: 'idle' }), [])
  return { state, run, reset }
}
