import { Text, View } from '@tarojs/components'
import { LEVEL_LABELS } from '../../core/levels'
import { chinaDateOf } from '../../core/periods'
import { EXCLUDE_REASON_MAX, EXCLUDE_REASON_MIN, REVIEW_STATUS_TEXT, type ReviewItemView } from '../../core/reviews'
import { ReasonForm } from '../../components/ReasonForm'
import type { CallError } from '../../platform/call-error'

interface ReviewCardProps {
  item: ReviewItemView
  busy: boolean
  error: CallError | null
  onDecide: (decision: 'keep' | 'exclude', reason: string) => void
}

/** 6月10日 10:05, China time. */
function timeOf(iso: string): string {
  const [, m, d] = chinaDateOf(iso).split('-').map(Number)
  const china = new Date(Date.parse(iso) + 8 * 3_600_000)
  const hh = String(china.getUTCHours()).padStart(2, '0')
  const mm = String(china.getUTCMinutes()).padStart(2, '0')
  return `${m}月${d}日 ${hh}:${mm}`
}

/**
 * One flagged rating as the sub-district reviews it: the worker, the level in words, when, why it was
 * flagged, the rater only as a pseudonym; open, keep it or exclude it with a reason (required); decided,
 * the outcome and the reason.
 */
export function ReviewCard({ item, busy, error, onDecide }: ReviewCardProps) {
  const open = item.status === 'open'
  return (
    <View className={`staff-card review-card review-card--${item.status}${open ? ' staff-card--open' : ''}`} data-review={item.id}>
      <Text className='staff-card__who review-card__who'>
        {item.workerName}
        <Text className='staff-card__where'>
          {' '}
          {item.community} · {item.workerCode}
        </Text>
      </Text>
      <Text className='review-card__rating'>
        {LEVEL_LABELS[item.level]} · {item.kind}
      </Text>
      <Text className='staff-note review-card__meta'>
        {timeOf(item.submittedAt)} 评价 · {item.rater}
      </Text>
      {item.comment !== '' ? <Text className='staff-card__line review-card__line'>留言：{item.comment}</Text> : null}
      <View className='review-card__reasons'>
        {item.reasons.map((reason) => (
          <Text key={reason} className='review-card__reason'>
            · {reason}
          </Text>
        ))}
      </View>

      {open ? (
        <ReasonForm
          block='review-card'
          className='review-card__decide'
          look='staff'
          label='排除理由（排除时必填）'
          placeholder='写明核实了什么，例如：同一地址连续评价，电话回访无此人'
          minLength={EXCLUDE_REASON_MIN}
          maxLength={EXCLUDE_REASON_MAX}
          busy={busy}
          error={error}
          errorTitle='没有保存复核结果'
          action={{ label: '保留，照常计分', variant: 'secondary', needsReason: false, onPress: (reason) => onDecide('keep', reason) }}
          second={{ label: '排除，不再计分', variant: 'primary', onPress: (reason) => onDecide('exclude', reason) }}
        />
      ) : (
        <View className='staff-card__outcome'>
          <Text className='staff-card__outcome-title'>{REVIEW_STATUS_TEXT[item.status]}</Text>
          {item.decision ? (
            <Text className='staff-note review-card__meta'>
              {timeOf(item.decision.at)} · {item.decision.byName}
            </Text>
          ) : null}
          {item.decision !== undefined && item.decision.reason !== '' ? <Text className='staff-card__line review-card__line'>理由：{item.decision.reason}</Text> : null}
        </View>
      )}
    </View>
  )
}
