import { Text, View } from '@tarojs/components'
import { APPEAL_NOTE_MAX, APPEAL_NOTE_MIN, APPEAL_STATUS_LABELS, type AppealForReview } from '../../core/appeals'
import { LEVEL_LABELS } from '../../core/levels'
import { chinaDateOf } from '../../core/periods'
import { ReasonForm } from '../../components/ReasonForm'
import type { CallError } from '../../platform/call-error'

interface AppealReviewCardProps {
  appeal: AppealForReview
  busy: boolean
  error: CallError | null
  onDecide: (decision: 'uphold' | 'reject', note: string) => void
}

/** 11月1日 from 2026-11-01, or from an ISO time read in China time (2026-11-02T20:00Z is 11月3日). */
function dayOf(dateOrTime: string): string {
  const [, m, d] = (dateOrTime.length === 10 ? dateOrTime : chinaDateOf(dateOrTime)).split('-').map(Number)
  return `${m}月${d}日`
}

/**
 * One appeal as the sub-district reviews it: the rating (never its rater), the worker's reason; pending,
 * a required note (2 to 200 characters) and the two decisions; decided, the outcome and the note.
 */
export function AppealReviewCard({ appeal, busy, error, onDecide }: AppealReviewCardProps) {
  const pending = appeal.status === 'pending'
  return (
    <View className={`staff-card appeal-card appeal-card--${appeal.status}${pending ? ' staff-card--open' : ''}`}>
      <Text className='staff-card__who appeal-card__who'>
        {appeal.workerName}
        <Text className='staff-card__where'>
          {' '}
          {appeal.community} · {appeal.workerCode}
        </Text>
      </Text>
      <Text className='appeal-card__rating'>
        {LEVEL_LABELS[appeal.level]} · {appeal.kind} · {dayOf(appeal.date)}
      </Text>
      {appeal.comment !== '' ? <Text className='staff-card__line appeal-card__line'>留言：{appeal.comment}</Text> : null}
      <Text className='staff-card__line appeal-card__line'>申诉理由：{appeal.reason}</Text>
      <Text className='staff-note appeal-card__meta'>{dayOf(appeal.filedAt)}提出</Text>

      {pending ? (
        <ReasonForm
          block='appeal-card'
          className='appeal-card__decide'
          look='staff'
          label='复核意见（必填）'
          placeholder='写明核实了什么，例如：调阅值班记录，当天未入户'
          minLength={APPEAL_NOTE_MIN}
          maxLength={APPEAL_NOTE_MAX}
          busy={busy}
          error={error}
          errorTitle='没有保存复核结果'
          action={{ label: '撤销该评价（申诉成立）', onPress: (note) => onDecide('uphold', note) }}
          second={{ label: '维持原评价', onPress: (note) => onDecide('reject', note) }}
        />
      ) : (
        <View className='staff-card__outcome'>
          <Text className='staff-card__outcome-title appeal-card__outcome-title'>
            {APPEAL_STATUS_LABELS[appeal.status]}
            {appeal.decidedAt ? ` · ${dayOf(appeal.decidedAt)}` : ''}
          </Text>
          {appeal.note !== undefined ? <Text className='staff-card__line appeal-card__line'>复核意见：{appeal.note}</Text> : null}
        </View>
      )}
    </View>
  )
}
