import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { BigButton } from '../../components/BigButton'
import { Notice } from '../../components/Notice'
import { chinaDateTime, endAtClock, latestSessionEnd, sessionEndProblem } from '../../core/fieldSessions'

interface LeftAtFormProps {
  startedAt: string
  /** The page's clock: what the latest allowed end reads as. */
  now: Date
  busy: boolean
  /** Past 12 hours this is the only way to end the session: the main button; else beside 结束下沉, the second one. */
  only: boolean
  /** Ends the session at this moment (field.end with endedAt). */
  onEnd: (endedAt: string) => void
}

/**
 * A session the worker forgot to end, ended at the time they say they left the grid — at any length of
 * session, not only past 12 hours. The time is checked here by the server's own rule first (not in the
 * future, after the start, at most 12 hours after it), so the worker is told at once what to change.
 */
export function LeftAtForm({ startedAt, now, busy, only, onEnd }: LeftAtFormProps) {
  const [leftAt, setLeftAt] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const latest = latestSessionEnd(startedAt)
  const until = Date.parse(latest) < now.getTime() ? `不晚于 ${chinaDateTime(latest)}` : '不晚于现在'

  const end = () => {
    const endedAt = endAtClock(startedAt, leftAt)
    // The clock of this moment, not of the page's last tick: the minute just begun may be typed.
    const why = endedAt === null ? '请按 17:30 这样的格式填写离开网格的时间' : sessionEndProblem(startedAt, endedAt, new Date())
    setProblem(why)
    if (why === null && endedAt !== null) onEnd(endedAt)
  }

  return (
    <View className='field-panel__left'>
      <Text className='field-label worker-label'>离开网格的时间</Text>
      <Text className='worker-note'>{`${chinaDateTime(startedAt)} 之后，${until}`}</Text>
      <Input
        className='field worker-input field-panel__left-at'
        placeholderClass='placeholder'
        placeholder='例如 17:30'
        value={leftAt}
        maxlength={5}
        onInput={(event) => {
          setProblem(null)
          setLeftAt(event.detail.value)
        }}
        onConfirm={end}
      />
      {problem ? <Notice kind='error' title={problem} /> : null}
      <BigButton className='field-panel__go' variant={only ? 'primary' : 'secondary'} loading={busy} onClick={end}>
        按这个时间结束
      </BigButton>
    </View>
  )
}
