import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import { APPEAL_NOTE_MAX, APPEAL_NOTE_MIN, APPEAL_STATUS_LABELS, type AppealForReview } from '../../core/appeals'
import { LEVEL_LABELS } from '../../core/levels'
import { chinaDateOf } from '../../core/periods'
import { BigButton } from '../../components/BigButton'
import { Notice } from '../../components/Notice'
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
  const [note, setNote] = useState('')
  const ready = note.trim().length >= APPEAL_NOTE_MIN
  const pending = appeal.status === 'pending'
  return (
    <View className={`appeal-card appeal-card--${appeal.status}`}>
      <Text className='appeal-card__who'>
        {appeal.workerName}
        <Text className='appeal-card__where'>
          {' '}
          {appeal.community} · {appeal.workerCode}
        </Text>
      </Text>
      <Text className='appeal-card__rating'>
        {LEVEL_LABELS[appeal.level]} · {appeal.kind} · {dayOf(appeal.date)}
      </Text>
      {appeal.comment !== '' ? <Text className='appeal-card__line'>留言：{appeal.comment}</Text> : null}
      <Text className='appeal-card__line'>申诉理由：{appeal.reason}</Text>
      <Text className='appeal-card__meta'>{dayOf(appeal.filedAt)}提出</Text>

      {pending ? (
        <View className='appeal-card__decide'>
          <Text className='appeal-card__label'>复核意见（必填）</Text>
          <Textarea
            className='appeal-card__note'
            placeholderClass='appeal-card__placeholder'
            placeholder='写明核实了什么，例如：调阅值班记录，当天未入户'
            value={note}
            maxlength={APPEAL_NOTE_MAX}
            disabled={busy}
            onInput={(event) => setNote(event.detail.value)}
          />
          {error !== null ? <Notice kind='error' title='没有保存复核结果' detail={error.message} /> : null}
          <BigButton disabled={!ready} loading={busy} onClick={() => onDecide('uphold', note.trim())}>
            撤销该评价（申诉成立）
          </BigButton>
          <BigButton className='appeal-card__second' variant='secondary' disabled={!ready || busy} onClick={() => onDecide('reject', note.trim())}>
            维持原评价
          </BigButton>
        </View>
      ) : (
        <View className='appeal-card__outcome'>
          <Text className='appeal-card__outcome-title'>
            {APPEAL_STATUS_LABELS[appeal.status]}
            {appeal.decidedAt ? ` · ${dayOf(appeal.decidedAt)}` : ''}
          </Text>
          {appeal.note !== undefined ? <Text className='appeal-card__line'>复核意见：{appeal.note}</Text> : null}
        </View>
      )}
    </View>
  )
}
