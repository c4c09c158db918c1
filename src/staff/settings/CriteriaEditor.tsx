import { Input, Text, View } from '@tarojs/components'
import type { SettingsDraft } from './draft'

type Criteria = SettingsDraft['sheetCriteria']

interface CriteriaEditorProps {
  criteria: Criteria
  onChange: (criteria: Criteria) => void
}

/**
 * The scoring sheet's criteria: a name and its full marks each, 1 to 8 of them, marks summing
 * to 100. The running sum is shown as typed; the server's validation says what is wrong on saving.
 */
export function CriteriaEditor({ criteria, onChange }: CriteriaEditorProps) {
  const sum = criteria.reduce((total, c) => total + (Number(c.weight) || 0), 0)
  const set = (i: number, change: Partial<Criteria[number]>) => onChange(criteria.map((c, j) => (j === i ? { ...c, ...change } : c)))
  return (
    <View>
      {criteria.map((c, i) => (
        <View className='settings-row settings-criterion' key={i}>
          <Input
            className='field settings-criterion__name'
            value={c.name}
            maxlength={10}
            placeholder='评分项名称'
            placeholderClass='placeholder'
            onInput={(e) => set(i, { name: e.detail.value })}
          />
          <Input className='field settings-criterion__weight' type='number' value={c.weight} onInput={(e) => set(i, { weight: e.detail.value })} />
          <Text className='settings-criterion__unit'>分</Text>
          {criteria.length > 1 ? (
            <Text className='settings-criterion__remove' onClick={() => onChange(criteria.filter((_, j) => j !== i))}>
              删除
            </Text>
          ) : null}
        </View>
      ))}
      <View className='settings-criterion__foot'>
        <Text className={`staff-note settings-hint${sum === 100 ? '' : ' settings-criterion__sum--off'}`}>合计 {sum} 分（须为 100）</Text>
        {criteria.length < 8 ? (
          <Text className='settings-criterion__add' onClick={() => onChange([...criteria, { name: '', weight: '' }])}>
            ＋ 添加评分项
          </Text>
        ) : null}
      </View>
    </View>
  )
}
