import { Text, View } from '@tarojs/components'
import type { HallWorker } from '../../core/hallSchemas'

interface HallWorkerChoiceProps {
  workers: HallWorker[]
  onPick: (worker: HallWorker) => void
}

/**
 * Today's workers at the window as large cards, name first and their post under it: the person served
 * taps the one who helped them (one decision on the screen, DESIGN section 8). Nobody is pre-chosen.
 */
export function HallWorkerChoice({ workers, onPick }: HallWorkerChoiceProps) {
  return (
    <View className='hall-workers' role='list'>
      {workers.map((worker) => (
        <View key={worker.workerCode} className='hall-worker' role='button' data-worker={worker.workerCode} onClick={() => onPick(worker)}>
          <View className='hall-worker__text'>
            <Text className='hall-worker__name'>{worker.name}</Text>
            <Text className='hall-worker__post'>{worker.post}</Text>
          </View>
          <Text className='hall-worker__go'>›</Text>
        </View>
      ))}
    </View>
  )
}
