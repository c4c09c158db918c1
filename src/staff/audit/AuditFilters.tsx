import { Picker, ScrollView, Text, View } from '@tarojs/components'
import { AUDIT_ACTION_LABELS } from '../../core/auditLabels'
import type { AuditFilterInput } from '../../hooks/audit'

interface AuditFiltersProps {
  value: AuditFilterInput
  onChange: (filter: AuditFilterInput) => void
  subdistricts: ReadonlyArray<{ subdistrictId: string; name: string }>
}

const ACTIONS = Object.entries(AUDIT_ACTION_LABELS)

/** The filter without `key` (an empty value means 不限). */
function without(filter: AuditFilterInput, key: keyof AuditFilterInput, value?: string): AuditFilterInput {
  const { [key]: _dropped, ...rest } = filter
  return value === undefined || value === '' ? rest : { ...rest, [key]: value }
}

/** What to read: one kind of action (chips), a sub-district, a date range (China dates, both ends included). */
export function AuditFilters({ value, onChange, subdistricts }: AuditFiltersProps) {
  const chip = (action: string | undefined, label: string) => (
    <View
      key={action ?? 'all'}
      className={`staff-chip audit-chip${value.action === action ? ' staff-chip--on audit-chip--on' : ''}`}
      onClick={() => onChange(without(value, 'action', action))}
    >
      <Text>{label}</Text>
    </View>
  )
  const names = ['全部街道', ...subdistricts.map((s) => s.name)]
  const picked = subdistricts.findIndex((s) => s.subdistrictId === value.subdistrictId)
  const date = (key: 'from' | 'to', label: string) => (
    <View className={`audit-date__pick audit-date__pick--${key}`}>
      <Picker mode='date' value={value[key] ?? ''} onChange={(event) => onChange(without(value, key, String(event.detail.value)))}>
        <View className='field audit-date__field'>
          <Text>{label} {value[key] ?? '不限'} ▾</Text>
        </View>
      </Picker>
    </View>
  )
  const dated = value.from !== undefined || value.to !== undefined

  return (
    <View className='audit-filters'>
      <Text className='audit-filters__title'>操作</Text>
      <ScrollView scrollX className='audit-filters__row' enhanced showScrollbar={false}>
        <View className='audit-filters__chips'>
          {chip(undefined, '全部')}
          {ACTIONS.map(([action, label]) => chip(action, label))}
        </View>
      </ScrollView>
      <Text className='audit-filters__title'>街道</Text>
      <Picker mode='selector' range={names} value={picked + 1} onChange={(event) => onChange(without(value, 'subdistrictId', subdistricts[Number(event.detail.value) - 1]?.subdistrictId))}>
        <View className='field audit-date__field'>
          <Text>{names[picked + 1]} ▾</Text>
        </View>
      </Picker>
      <Text className='audit-filters__title'>日期（含当天）</Text>
      <View className='audit-date'>
        {date('from', '从')}
        {date('to', '到')}
      </View>
      {dated ? (
        <View className='audit-date__clear' onClick={() => onChange(without(without(value, 'from'), 'to'))}>
          <Text>不限日期</Text>
        </View>
      ) : null}
    </View>
  )
}
