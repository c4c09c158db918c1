import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { type CommunityGrid, HOUSEHOLD_LIMITS, ORG_NAME_LIMITS, householdsHint } from '../../core/org'
import { useSaveGrid } from '../../hooks/org'

interface GridRowProps {
  /** null: a new grid. */
  grid: CommunityGrid | null
  onSaved: () => void
  onCancel?: () => void
}

/** One grid: name, households (with the 300-500 hint), workers serving it; 修改 opens the fields in place. */
export function GridRow({ grid, onSaved, onCancel }: GridRowProps) {
  const [editing, setEditing] = useState(grid === null)
  const [name, setName] = useState(grid?.name ?? '')
  const [households, setHouseholds] = useState(grid === null ? '' : String(grid.households))
  const { state, run, reset } = useSaveGrid()
  const hint = grid === null ? null : householdsHint(grid.households)

  if (!editing && grid !== null) {
    return (
      <View className='org-row' data-grid={grid.gridId}>
        <Text className='org-row__name'>{grid.name}</Text>
        <Text className='staff-note org-row__meta'>
          {grid.households} 户 · 工作者 {grid.workers} 名{grid.activeWorkers < grid.workers ? `（在岗 ${grid.activeWorkers} 名）` : ''}
        </Text>
        {hint ? <Text className='staff-note org-hint org-hint--warn'>{hint}</Text> : null}
        <View className='org-link' role='button' onClick={() => setEditing(true)}>
          <Text>修改</Text>
        </View>
      </View>
    )
  }
  const save = () => {
    const count = Number(households.trim())
    void run({ ...(grid === null ? {} : { gridId: grid.gridId }), name, households: households.trim() === '' ? Number.NaN : count }).then((result) => {
      if (result === null) return
      setEditing(false)
      reset()
      onSaved()
    })
  }
  return (
    <View className='org-editor' data-grid={grid?.gridId ?? 'new'}>
      <Text className='org-editor__label'>{grid === null ? '新网格名称' : '网格名称'}</Text>
      <Input className='field org-editor__input grid-name' value={name} maxlength={ORG_NAME_LIMITS.max} placeholder='例如 桂花苑网格' onInput={(e) => setName(e.detail.value)} />
      <Text className='org-editor__label'>户数</Text>
      <Input className='field org-editor__input grid-households' type='number' value={households} maxlength={4} placeholder='例如 420' onInput={(e) => setHouseholds(e.detail.value)} />
      <Text className='staff-note org-hint'>改革后一个网格宜为 300-500 户（可填 {HOUSEHOLD_LIMITS.min} 到 {HOUSEHOLD_LIMITS.max}）</Text>
      {state.status === 'error' ? <Text className='org-error'>{state.error.message}</Text> : null}
      <View className='org-actions'>
        <View className='org-button org-button--primary' role='button' onClick={() => state.status !== 'loading' && save()}>
          <Text>{state.status === 'loading' ? '正在保存…' : '保存'}</Text>
        </View>
        <View
          className='org-button'
          role='button'
          onClick={() => {
            reset()
            setEditing(false)
            onCancel?.()
          }}
        >
          <Text>取消</Text>
        </View>
      </View>
    </View>
  )
}
