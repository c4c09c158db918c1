import { type ReactNode, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { WorkerCard as WorkerCardData } from '../core/types'
import './WorkerCard.css'

/**
 * About what two lines hold at the largest font the app allows (1.5x): a single duty shorter than this
 * never needs folding. Several duties always do: the second starts on line two or later.
 */
const TWO_LINES_OF_CHARS = 20

interface WorkerCardProps {
  card: WorkerCardData
  /** Hide 社区 and 网格 when the page already names them above the card (the home page's grid); households stay. */
  place?: boolean
  /** Shown at the foot of the card, e.g. the home page's 评价这位社区工作者. */
  children?: ReactNode
}

/**
 * Who serves this grid and what they are responsible for: the 4 of 3456, the post's written duties.
 * The duties are folded to two lines (展开全部 opens them, 收起 folds them again), so that on the rating
 * page the question and the first level choice stay on the first screen of a 375 x 667 phone. Every
 * duty stays in the page, only clipped, so nothing is lost to a screen reader.
 */
export function WorkerCard({ card, place = true, children }: WorkerCardProps) {
  const [open, setOpen] = useState(false)
  const foldable = card.duties.length > 1 || (card.duties[0] ?? '').length > TWO_LINES_OF_CHARS
  const folded = foldable && !open
  return (
    <View className='worker-card'>
      <View className='worker-card__head'>
        <Text className='worker-card__name'>{card.name}</Text>
        <Text className='worker-card__post'>{card.post}</Text>
      </View>
      <View className='worker-card__facts'>
        {place ? (
          <View className='worker-card__fact'>
            <Text className='worker-card__key'>社区</Text>
            <Text className='worker-card__value'>{card.community}</Text>
          </View>
        ) : null}
        {place ? (
          <View className='worker-card__fact'>
            <Text className='worker-card__key'>网格</Text>
            <Text className='worker-card__value'>{card.grid}</Text>
          </View>
        ) : null}
        <View className='worker-card__fact'>
          <Text className='worker-card__key'>服务</Text>
          <Text className='worker-card__value'>{card.households} 户居民</Text>
        </View>
      </View>
      {card.duties.length > 0 ? (
        <View className='worker-card__duties'>
          <View className='worker-card__duties-head'>
            <Text className='worker-card__duties-title'>负责的工作</Text>
            {foldable ? (
              <View className='worker-card__fold' role='button' aria-expanded={open} onClick={() => setOpen(!open)}>
                <Text className='worker-card__fold-text'>{open ? '收起' : '展开全部'}</Text>
              </View>
            ) : null}
          </View>
          <View className={`worker-card__duty-list${folded ? ' worker-card__duty-list--folded' : ''}`}>
            {card.duties.map((duty) => (
              <View className='worker-card__duty' key={duty}>
                <Text className='worker-card__bullet'>·</Text>
                <Text className='worker-card__duty-text'>{duty}</Text>
              </View>
            ))}
          </View>
        </View>
      ) : null}
      {children}
    </View>
  )
}
