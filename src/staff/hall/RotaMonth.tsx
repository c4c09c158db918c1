import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { HallDay, HallDuty } from '../../core/hallSchemas'
import { dayLabel } from '../../core/hallRota'
import { blanksBefore, weekdayOf } from './format'

/** The worker tapped first for a swap, waiting for the second. */
export interface SwapPick {
  date: string
  workerCode: string
  name: string
}

interface RotaMonthProps {
  days: HallDay[]
  today: string
  /** The community's own admin, for a month they may still change: duties are tappable, days editable. */
  editable: boolean
  picked: SwapPick | null
  onTapDuty: (day: HallDay, duty: HallDuty) => void
  editingDate: string | null
  onEdit: (date: string) => void
  /** The day editor, shown right after the day it edits (across the whole row at a desk). */
  editor: ReactNode
}

function Duty({ day, duty, picked, editable, onTap }: { day: HallDay; duty: HallDuty; picked: SwapPick | null; editable: boolean; onTap: () => void }) {
  const chosen = picked !== null && picked.date === day.date && picked.workerCode === duty.workerCode
  return (
    <View
      className={`hall-duty${chosen ? ' hall-duty--chosen' : ''}${editable ? '' : ' hall-duty--fixed'}`}
      data-worker={duty.workerCode}
      role={editable ? 'button' : undefined}
      onClick={() => editable && onTap()}
    >
      <Text className='hall-duty__name'>
        {chosen ? '✓ ' : ''}
        {duty.name}
      </Text>
      {duty.backup !== null ? <Text className='hall-duty__backup'>B岗 {duty.backup.name}</Text> : null}
    </View>
  )
}

/**
 * The month of the rota: on a phone a list of its working days, each with who is on duty (and their B);
 * at a desk a calendar, Monday first, days off drawn small. Tapping a worker and then another of another
 * day swaps them; 调整 opens a day's editor in place.
 */
export function RotaMonth({ days, today, editable, picked, onTapDuty, editingDate, onEdit, editor }: RotaMonthProps) {
  const blanks = days.length === 0 ? 0 : blanksBefore(days[0].date)
  return (
    <View className='hall-month'>
      <View className='hall-month__weekdays'>
        {['周一', '周二', '周三', '周四', '周五', '周六', '周日'].map((name) => (
          <Text key={name} className='hall-month__weekday'>
            {name}
          </Text>
        ))}
      </View>
      <View className='hall-month__grid'>
        {Array.from({ length: blanks }, (_, i) => (
          <View key={`blank-${i}`} className='hall-day hall-day--blank' />
        ))}
        {days.map((day) => {
          const isToday = day.date === today
          if (!day.working) {
            return (
              <View key={day.date} className='hall-day hall-day--off' data-date={day.date}>
                <Text className='hall-day__date'>{Number(day.date.slice(8, 10))}</Text>
                <Text className='hall-day__off'>休</Text>
              </View>
            )
          }
          return [
            <View key={day.date} className={`hall-day${isToday ? ' hall-day--today' : ''}${editingDate === day.date ? ' hall-day--editing' : ''}`} data-date={day.date}>
              <View className='hall-day__head'>
                <Text className='hall-day__label'>
                  {dayLabel(day.date)}
                  {/* A desk's calendar has the weekday over its column. */}
                  <Text className='hall-day__weekday'> {weekdayOf(day.date)}</Text>
                  {isToday ? '（今天）' : ''}
                </Text>
                {editable ? (
                  <View className='hall-day__edit' role='button' onClick={() => onEdit(day.date)}>
                    <Text>调整</Text>
                  </View>
                ) : null}
              </View>
              {day.duties.length === 0 ? <Text className='hall-day__none'>还没有排人</Text> : null}
              <View className='hall-day__duties'>
                {day.duties.map((duty) => (
                  <Duty key={duty.workerCode} day={day} duty={duty} picked={picked} editable={editable} onTap={() => onTapDuty(day, duty)} />
                ))}
              </View>
            </View>,
            editingDate === day.date ? (
              <View key={`${day.date}-editor`} className='hall-month__editor'>
                {editor}
              </View>
            ) : null,
          ]
        })}
      </View>
    </View>
  )
}
