import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { ORG_NAME_LIMITS } from '../../core/org'

interface NameEditorProps {
  label: string
  initial?: string
  placeholder: string
  busy: boolean
  error: string | null
  onSave: (name: string) => void
  onCancel: () => void
}

/** An inline name field with 保存 / 取消: new and renamed sub-districts, communities and grids. */
export function NameEditor({ label, initial = '', placeholder, busy, error, onSave, onCancel }: NameEditorProps) {
  const [name, setName] = useState(initial)
  return (
    <View className='org-editor'>
      <Text className='org-editor__label'>{label}</Text>
      <Input
        className='field org-editor__input'
        placeholderClass='placeholder'
        placeholder={placeholder}
        value={name}
        maxlength={ORG_NAME_LIMITS.max}
        onInput={(event) => setName(event.detail.value)}
      />
      {error ? <Text className='org-error'>{error}</Text> : null}
      <View className='org-actions'>
        <View className='org-button org-button--primary' role='button' onClick={() => !busy && onSave(name)}>
          <Text>{busy ? '正在保存…' : '保存'}</Text>
        </View>
        <View className='org-button' role='button' onClick={onCancel}>
          <Text>取消</Text>
        </View>
      </View>
    </View>
  )
}
