import type { PropsWithChildren } from 'react'
import { View } from '@tarojs/components'
import { useFontScaleStyle } from '../hooks/useFontScale'
import { usePrivacyAgreement } from '../hooks/usePrivacyAgreement'
import { PrivacyDialog } from './PrivacyDialog'

interface ScreenProps {
  className?: string
  /**
   * Shows WeChat's privacy agreement here when WeChat asks while this page is in front (default). Only the
   * privacy page says no: the agreement links to it, and must not cover the text the user went to read.
   */
  hostsPrivacyAgreement?: boolean
}

/**
 * The root of every page: the shared look, text that follows WeChat's font size, and WeChat's privacy
 * agreement when WeChat asks for it while this page is in front (so no page needs its own copy).
 */
export function Screen({ children, className, hostsPrivacyAgreement = true }: PropsWithChildren<ScreenProps>) {
  const style = useFontScaleStyle()
  const agreement = usePrivacyAgreement(hostsPrivacyAgreement)
  return (
    <View ref={agreement.anchor} className={className ? `screen ${className}` : 'screen'} style={style}>
      {children}
      {agreement.open ? <PrivacyDialog onAgree={agreement.agree} onRefuse={agreement.refuse} /> : null}
    </View>
  )
}
