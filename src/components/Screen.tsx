import type { PropsWithChildren } from 'react'
import { View } from '@tarojs/components'
import { useFontScaleStyle } from '../hooks/useFontScale'

/** The root of every page: the shared look, and text that follows WeChat's font size. */
export function Screen({ children, className }: PropsWithChildren<{ className?: string }>) {
  const style = useFontScaleStyle()
  return (
    <View className={className ? `screen ${className}` : 'screen'} style={style}>
      {children}
    </View>
  )
}
