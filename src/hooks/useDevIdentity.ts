import { useCallback, useEffect, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import type { DevIdentity } from '../core/types'
import { device } from '../platform/device'
import { useApiQuery } from './useApi'

// Every mounted user of the demo identity hears of a switch at once: the home page's switcher and
// useSession (which asks the server again) are different components.
const listeners = new Set<(identity: DevIdentity | null) => void>()

/** The demo identity the local runtime trusts (X-Openid); always null in the mini-program. */
export function useDevIdentity() {
  const [identity, setIdentityState] = useState<DevIdentity | null>(() => device.getDevIdentity())
  useEffect(() => {
    listeners.add(setIdentityState)
    return () => {
      listeners.delete(setIdentityState)
    }
  }, [])
  // Another page may have switched identity meanwhile.
  useDidShow(() => setIdentityState(device.getDevIdentity()))
  const setIdentity = useCallback((next: DevIdentity | null) => {
    device.setDevIdentity(next)
    for (const listener of listeners) listener(next)
  }, [])
  return { identity, setIdentity }
}

/** The demo identities of the local runtime; nothing is asked for in the mini-program. */
export function useDevIdentities() {
  return useApiQuery('dev.identities', device.isLocalRuntime ? {} : null)
}
