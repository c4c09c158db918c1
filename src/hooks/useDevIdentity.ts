import { useCallback, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import type { DevIdentity } from '../core/types'
import { device } from '../platform/device'
import { useApiQuery } from './useApi'

/** The demo identity the local runtime trusts (X-Openid); always null in the mini-program. */
export function useDevIdentity() {
  const [identity, setIdentityState] = useState<DevIdentity | null>(() => device.getDevIdentity())
  // Another page may have switched identity meanwhile.
  useDidShow(() => setIdentityState(device.getDevIdentity()))
  const setIdentity = useCallback((next: DevIdentity | null) => {
    device.setDevIdentity(next)
    setIdentityState(next)
  }, [])
  return { identity, setIdentity }
}

/** The demo identities of the local runtime; nothing is asked for in the mini-program. */
export function useDevIdentities() {
  return useApiQuery('dev.identities', device.isLocalRuntime ? {} : null)
}
