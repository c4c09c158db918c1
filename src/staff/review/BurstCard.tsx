import { Text, View } from '@tarojs/components'
import { EXCLUDE_REASON_MAX, EXCLUDE_REASON_MIN, type ReviewBurst } from '../../core/reviews'
import { ReasonForm } from '../../components/ReasonForm'
import type { CallError } from '../../platform/call-error'

interface BurstCardProps {
  burst: ReviewBurst
  busy: boolean
  error: CallError | null
  onDecide: (decision: 'keep' | 'exclude', reason: string) => void
}

/**
 * A burst the hourly check flagged together (one worker, one run): decided at once with one reason, which
 * each rating keeps as if decided alone. The ratings themselves follow, each on its own card.
 */
export function BurstCard({ burst, busy, error, onDecide }: BurstCardProps) {
  const count = burst.ids.length
  return (
    <View className='staff-card staff-card--open review-burst' data-burst={burst.workerCode}>
      <Text className='staff-card__who review-card__who'>
        {burst.workerName}
        <Text className='staff-card__where'>
          {' '}
          {burst.community} · {burst.workerCode}
        </Text>
      </Text>
      <Text className='review-card__rating'>这 {count} 条评价是同一次检查一起标记的</Text>
      <View className='review-card__reasons'>
        {burst.reasons.map((reason) => (
          <Text key={reason} className='review-card__reason'>
            · {reason}
          </Text>
        ))}
      </View>
      <ReasonForm
        block='review-burst'
        className='review-burst__decide'
        look='staff'
        label={`一起复核这 ${count} 条（排除时必填理由）`}
        placeholder='写明核实了什么，例如：同一地址连续评价，电话回访无此人'
        minLength={EXCLUDE_REASON_MIN}
        maxLength={EXCLUDE_REASON_MAX}
        busy={busy}
        error={error}
        errorTitle='没有保存复核结果'
        action={{ label: `${count} 条都保留`, variant: 'secondary', needsReason: false, onPress: (reason) => onDecide('keep', reason) }}
        second={{ label: `${count} 条都排除`, variant: 'primary', onPress: (reason) => onDecide('exclude', reason) }}
      />
    </View>
  )
}
