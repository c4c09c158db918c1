import { Text, View } from '@tarojs/components'
import type { HallRota } from '../../core/hallSchemas'
import { abPostText } from './format'

/**
 * Each worker's hall days this month, most first, with their group and AB post: a clerk sees at a glance
 * whether the rotation spreads the hall evenly (everyone within a day of the mean) and keeps people in their grids.
 */
export function WorkerDays({ rota, nameOf }: { rota: HallRota; nameOf: (workerCode: string) => string }) {
  const days = rota.workerDays.map((worker) => worker.hallDays)
  const most = days.length === 0 ? 0 : Math.max(...days)
  const fewest = days.length === 0 ? 0 : Math.min(...days)
  return (
    <View className='staff-panel hall-panel hall-panel--wide'>
      <Text className='staff-heading'>每人值班天数</Text>
      <Text className='staff-note'>
        人均 {rota.meanHallDays.toFixed(1)} 天，最多 {most} 天，最少 {fewest} 天；其余工作日下沉网格。
      </Text>
      <View className='hall-people'>
        {rota.workerDays.map((worker) => (
          <View key={worker.workerCode} className='hall-person' data-worker={worker.workerCode}>
            <View className='hall-person__who'>
              <Text className='hall-person__name'>{worker.name}</Text>
              <Text className='staff-note hall-person__meta'>
                {[worker.post, worker.group === null ? '未编组' : `第 ${worker.group} 组`, abPostText(worker.workerCode, rota.pairs, nameOf)].filter(Boolean).join(' · ')}
              </Text>
            </View>
            <Text className='hall-person__days'>{worker.hallDays} 天</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
