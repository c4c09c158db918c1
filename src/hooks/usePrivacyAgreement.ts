import { useEffect, useRef, useState, type MutableRefObject } from 'react'
import { useDidShow } from '@tarojs/taro'
import { privacy } from '../platform/privacy'

export interface PrivacyAgreement {
  /** Put on an element of the page (its root): tells whether this page is the one in front. */
  anchor: MutableRefObject<unknown>
  /** WeChat is waiting for an answer and this page is in front. */
  open: boolean
  agree(buttonId: string): void
  refuse(): void
}

/**
 * This page's share of WeChat's privacy authorisation: one listener for the whole app (platform/privacy)
 * opens the agreement on whichever page is in front when WeChat asks, so a private API called on any page
 * (the poster's 保存到相册, the roster's 选择文件) is answered where the user is. A page coming back to the
 * front takes over a question still waiting. A page that does not host it (`hosts: false`) leaves the
 * question waiting until the user is back on one that does.
 */
export function usePrivacyAgreement(hosts = true): PrivacyAgreement {
  const anchor = useRef<unknown>(null)
  const [open, setOpen] = useState(false)
  useEffect(() => (hosts ? privacy.host({ element: () => anchor.current, setOpen }) : undefined), [hosts])
  useDidShow(() => privacy.refresh())
  return { anchor, open, agree: privacy.agree, refuse: privacy.disagree }
}
