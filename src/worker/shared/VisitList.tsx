import { Text, View } from '@tarojs/components'
import { BigButton } from '../../components/BigButton'
import { Notice } from '../../components/Notice'
import { type VisitSummary, visitTimeLabel } from '../../core/visits'
import type { AsyncState } from '../../hooks/useApi'
import './VisitList.css'

/**
 * Where a visit's feedback stands, in words: only whether its window is open by time — never whether the
 * person served rated it, nor how (trust rule 5).
 */
export function feedbackStateLabel(visit: VisitSummary): string {
  return visit.feedback.open ? '评价期内' : '评价已截止'
}

interface VisitListProps {
  state: AsyncState<VisitSummary[]>
  now: Date
  /** Show only the latest few (the worker home); all of the last 30 days when absent. */
  limit?: number
  onRetry?: () => void
}

/** A worker's own recent service visits and whether each one's feedback window is still open. */
export function VisitList({ state, now, limit, onRetry }: VisitListProps) {
  if (state.status === 'idle' || state.status === 'loading') return <Notice kind='loading' title='正在读取服务记录…' />
  if (state.status === 'error') {
    return (
      <Notice kind='error' title='没能读取服务记录' detail={state.error.message}>
        {onRetry ? (
          <BigButton variant='secondary' onClick={onRetry}>
            再试一次
          </BigButton>
        ) : null}
      </Notice>
    )
  }
  if (state.data.length === 0) return <Notice kind='empty' title='最近 30 天还没有服务记录' detail='服务完成后在这里记下来，请服务对象当场扫码评价。' />
  const shown = limit === undefined ? state.data : state.data.slice(0, limit)
  return (
    <View className='visit-list'>
      {shown.map((visit) => (
        <View key={visit.visitCode} className='visit-list__row' data-visit={visit.visitCode}>
          <View className='visit-list__what'>
            <Text className='visit-list__type'>{visit.type}</Text>
            <Text className='visit-list__meta'>
              {visitTimeLabel(visit.at, now)}
              {visit.place ? ` · ${visit.place}` : ''}
            </Text>
            {visit.note ? <Text className='visit-list__note'>{visit.note}</Text> : null}
          </View>
          <Text className={`visit-list__state visit-list__state--${visit.feedback.open ? 'open' : 'closed'}`}>
            {feedbackStateLabel(visit)}
          </Text>
        </View>
      ))}
    </View>
  )
}
