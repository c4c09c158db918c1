import { Text, View } from '@tarojs/components'
import type { RosterError } from '../../core/rosterSchemas'

/** A long list helps nobody on a phone: the first 50, then how many more. */
export const ERRORS_SHOWN = 50

/** Every error as a clerk fixes it in Excel: the row number, the column, what is wrong. */
export function RosterErrors({ errors, count }: { errors: RosterError[]; count: number }) {
  const rest = count - Math.min(errors.length, ERRORS_SHOWN)
  return (
    <View className='roster-errors'>
      <Text className='staff-heading staff-heading--small roster-errors__title'>发现 {count} 处错误，没有导入任何数据</Text>
      <Text className='staff-summary__note'>请在电脑上按行号和列名改好，保存后重新选择文件。</Text>
      {errors.slice(0, ERRORS_SHOWN).map((error) => (
        <View className='roster-error' key={`${error.row}-${error.column ?? ''}-${error.message}`}>
          <Text className='roster-error__where'>
            第 {error.row} 行{error.column === null ? '' : ` · ${error.column}`}
          </Text>
          <Text className='roster-error__message'>{error.message}</Text>
        </View>
      ))}
      {rest > 0 ? <Text className='roster-errors__more'>还有 {rest} 处错误，改好上面这些后再检查一次即可看到。</Text> : null}
    </View>
  )
}
