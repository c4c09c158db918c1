import { Text, View } from '@tarojs/components'
import type { WorkerCard as WorkerCardData } from '../core/types'
import './WorkerCard.css'

/** Who serves this grid and what they are responsible for: the 4 of 3456, the post's written duties. */
export function WorkerCard({ card }: { card: WorkerCardData }) {
  return (
    <View className='worker-card'>
      <View className='worker-card__head'>
        <Text className='worker-card__name'>{card.name}</Text>
        <Text className='worker-card__post'>{card.post}</Text>
      </View>
      <View className='worker-card__facts'>
        <View className='worker-card__fact'>
          <Text className='worker-card__key'>社区</Text>
          <Text className='worker-card__value'>{card.community}</Text>
        </View>
        <View className='worker-card__fact'>
          <Text className='worker-card__key'>网格</Text>
          <Text className='worker-card__value'>{card.grid}</Text>
        </View>
        <View className='worker-card__fact'>
          <Text className='worker-card__key'>服务</Text>
          <Text className='worker-card__value'>{card.households} 户居民</Text>
        </View>
      </View>
      {card.duties.length > 0 ? (
        <View className='worker-card__duties'>
          <Text className='worker-card__duties-title'>负责的工作</Text>
          {card.duties.map((duty) => (
            <View className='worker-card__duty' key={duty}>
              <Text className='worker-card__bullet'>·</Text>
              <Text className='worker-card__duty-text'>{duty}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
