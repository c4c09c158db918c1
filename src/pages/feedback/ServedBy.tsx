import { Text, View } from '@tarojs/components'
import type { VisitCard } from '../../core/visits'
import { visitTimeLabel } from '../../core/visits'

/** Who served the person rating, what the service was and when: enough to know which visit this is. */
export function ServedBy({ card, now }: { card: VisitCard; now: Date }) {
  return (
    <View className='served-by'>
      <Text className='served-by__name'>{card.workerName}</Text>
      <Text className='served-by__role'>社区工作者</Text>
      <View className='served-by__facts'>
        <View className='served-by__fact'>
          <Text className='served-by__key'>服务</Text>
          <Text className='served-by__value'>{card.type}</Text>
        </View>
        <View className='served-by__fact'>
          <Text className='served-by__key'>时间</Text>
          <Text className='served-by__value'>{visitTimeLabel(card.at, now)}</Text>
        </View>
      </View>
    </View>
  )
}
