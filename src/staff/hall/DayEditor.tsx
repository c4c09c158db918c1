import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { HallDay, HallWorker } from '../../core/hallSchemas'
import { dayLabel } from '../../core/hallRota'
import { weekdayOf } from './format'

interface DayEditorProps {
  day: HallDay
  workers: HallWorker[]
  staffing: number
  saving: boolean
  onSave: (workerCodes: string[]) => void
  onCancel: () => void
}

/**
 * One day set anew: every worker of the community as a choice (chosen ones ticked and framed, not by
 * colour alone), how many are chosen against the day's staffing, and one save. The server checks the day
 * (staffing, AB posts) and says what is wrong in words; nothing here decides it.
 */
export function DayEditor({ day, workers, staffing, saving, onSave, onCancel }: DayEditorProps) {
  const [chosen, setChosen] = useState<string[]>(() => day.duties.map((duty) => duty.workerCode))
  const toggle = (workerCode: string) =>
    setChosen((codes) => (codes.includes(workerCode) ? codes.filter((code) => code !== workerCode) : [...codes, workerCode]))
  return (
    <View className='staff-panel hall-editor' data-date={day.date}>
      <Text className='staff-heading staff-heading--small'>
        调整 {dayLabel(day.date)} {weekdayOf(day.date)} 的值班
      </Text>
      <Text className={`staff-note hall-editor__count${chosen.length === staffing ? '' : ' hall-editor__count--off'}`}>
        已选 {chosen.length} 人，每天应有 {staffing} 人
      </Text>
      <View className='hall-editor__choices'>
        {workers.map((worker) => {
          const on = chosen.includes(worker.workerCode)
          return (
            <View
              key={worker.workerCode}
              className={`staff-chip hall-choice${on ? ' staff-chip--on' : ''}`}
              data-worker={worker.workerCode}
              role='checkbox'
              aria-checked={on ? 'true' : 'false'}
              onClick={() => !saving && toggle(worker.workerCode)}
            >
              <Text>
                {on ? '✓ ' : ''}
                {worker.name}
              </Text>
            </View>
          )
        })}
      </View>
      <View className='hall-actions'>
        <View className='hall-button hall-button--primary' role='button' onClick={() => !saving && onSave(chosen)}>
          <Text>{saving ? '正在保存…' : '保存这一天'}</Text>
        </View>
        <View className='hall-button' role='button' onClick={onCancel}>
          <Text>取消</Text>
        </View>
      </View>
    </View>
  )
}
