import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './Notice.css'

export type NoticeKind = 'loading' | 'error' | 'empty' | 'success' | 'info'

const MARKS: Record<NoticeKind, string> = {
  loading: '…',
  error: '!',
  empty: 'i',
  success: '✓',
  info: 'i',
}

interface NoticeProps {
  kind: NoticeKind
  title: string
  detail?: string
  /** e.g. a retry button; shown under the text. */
  children?: ReactNode
}

/** A state in words: loading, an error a person can act on, an empty list, a done thing. Never a pop-up. */
export function Notice({ kind, title, detail, children }: NoticeProps) {
  return (
    <View className={`notice notice--${kind}`}>
      <View className='notice__row'>
        <Text className='notice__mark'>{MARKS[kind]}</Text>
        <View className='notice__text'>
          <Text className='notice__title'>{title}</Text>
          {detail ? <Text className='notice__detail'>{detail}</Text> : null}
        </View>
      </View>
      {children ? <View className='notice__actions'>{children}</View> : null}
    </View>
  )
}
