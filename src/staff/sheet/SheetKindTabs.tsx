import { Text, View } from '@tarojs/components'

/** What a sheet is of: a month, a half-year, a year (party D of that period), or the year-end review. */
export type SheetTab = 'month' | 'half' | 'year' | 'yearEnd'

const TABS: Array<[SheetTab, string]> = [
  ['month', '月度'],
  ['half', '半年'],
  ['year', '年度'],
  ['yearEnd', '年终评议'],
]

export function SheetKindTabs({ value, onChange }: { value: SheetTab; onChange: (tab: SheetTab) => void }) {
  return (
    <View className='staff-tabs'>
      {TABS.map(([tab, label]) => (
        <View key={tab} data-tab={tab} className={`staff-tab${tab === value ? ' staff-tab--on' : ''}`} onClick={() => onChange(tab)}>
          <Text>{label}</Text>
        </View>
      ))}
    </View>
  )
}
