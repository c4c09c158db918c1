import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { goHome } from '../routes'
import { BigButton } from './BigButton'
import './SubmitResult.css'

interface SubmitResultProps {
  title: string
  /** What happens to what was sent, one fact per line (`<Text className='block'>`). */
  children: ReactNode
}

/** The screen after a rating or a feedback went in: a tick, a thank-you, the facts, the way home. */
export function SubmitResult({ title, children }: SubmitResultProps) {
  return (
    <View className='rating-result'>
      <View className='rating-result__mark'>
        <Text>✓</Text>
      </View>
      <Text className='rating-result__title'>{title}</Text>
      <View className='panel rating-result__facts'>{children}</View>
      <BigButton className='rating-result__home' onClick={goHome}>
        回到首页
      </BigButton>
    </View>
  )
}
