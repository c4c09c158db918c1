import { useMemo } from 'react'
import { ScrollView, Text, View } from '@tarojs/components'
import { type PeriodKind, periodKind, periodLabel, recentPeriods } from '../core/periods'
import './PeriodPicker.css'

interface PeriodPickerProps {
  value: string
  onChange: (period: string) => void
  /** Only periods of these kinds (a monthly ranking offers months only); default: all. */
  kinds?: readonly PeriodKind[]
}

/** A month of this year needs no year: 11月; anything else keeps it: 2025年12月, 2026年上半年. */
function chipLabel(period: string, thisYear: string): string {
  const label = periodLabel(period)
  return periodKind(period) === 'month' && period.startsWith(thisYear) ? label.slice(5) : label
}

/** Recent months, then half-years and years (DESIGN section 3), as two scrollable rows of choices. */
export function PeriodPicker({ value, onChange, kinds }: PeriodPickerProps) {
  const all = useMemo(() => recentPeriods(new Date()), [])
  const thisYear = all[0].slice(0, 4)
  const periods = kinds === undefined ? all : all.filter((p) => kinds.includes(periodKind(p)))
  const months = periods.filter((p) => periodKind(p) === 'month')
  const longer = periods.filter((p) => periodKind(p) !== 'month')

  const chip = (period: string) => (
    <View
      key={period}
      data-period={period}
      className={`period-chip${period === value ? ' period-chip--on' : ''}`}
      onClick={() => onChange(period)}
    >
      <Text>{chipLabel(period, thisYear)}</Text>
    </View>
  )

  const row = (items: string[]) => (
    <ScrollView scrollX className='period-picker__row' enhanced showScrollbar={false}>
      <View className='period-picker__chips'>{items.map(chip)}</View>
    </ScrollView>
  )

  return (
    <View className='period-picker'>
      <Text className='period-picker__label'>考核期：{periodLabel(value)}</Text>
      {months.length > 0 ? row(months) : null}
      {longer.length > 0 ? row(longer) : null}
    </View>
  )
}
