import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { BigButton } from '../../components/BigButton'
import { Notice } from '../../components/Notice'
import { FIELD_GRID_MAX } from '../../core/fieldTimeSchemas'
import { MAX_SESSION_MINUTES, chinaClock, chinaDateTime, endAtClock, sessionMinutes } from '../../core/fieldSessions'
import type { OpenSessionView } from '../../core/fieldSessions'
import { visitTimeLabel } from '../../core/visits'
import { useEndField, useNow, useStartField } from '../../hooks/fieldTime'
import { duration } from './format'
import './FieldSessionPanel.css'

interface FieldSessionPanelProps {
  /** The running session; null when none runs; undefined while loading. */
  open: OpenSessionView | null | undefined
  /** The grid the worker serves: what the 小区 field offers first. */
  defaultGrid: string
  /** After a start or an end: the page reads the sessions and the grid time again. */
  onChanged: () => void
}

/**
 * Start and end a field session (下沉网格): one big button, the running session and its start time.
 * No location is taken. A session left running past 12 hours is ended by saying when the worker left.
 */
export function FieldSessionPanel({ open, defaultGrid, onChanged }: FieldSessionPanelProps) {
  const start = useStartField()
  const end = useEndField()
  const now = useNow(30_000)
  const [grid, setGrid] = useState<string | null>(null)
  const [leftAt, setLeftAt] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [logged, setLogged] = useState<number | null>(null)

  const startSession = async () => {
    setProblem(null)
    setLogged(null)
    await start.run({ grid: (grid ?? defaultGrid).trim() || undefined })
    // Started — or refused because one already runs (started on another phone): show what is there.
    end.reset()
    onChanged()
  }

  const endSession = async (endedAt?: string) => {
    setProblem(null)
    const done = await end.run(endedAt === undefined ? {} : { endedAt })
    if (done !== null) {
      setLogged(done.minutes)
      setLeftAt('')
      start.reset()
      onChanged()
    }
  }

  const endAtLeftTime = () => {
    if (open == null) return
    const endedAt = endAtClock(open.startedAt, leftAt)
    if (endedAt === null) setProblem('请按 17:30 这样的格式填写离开网格的时间')
    else void endSession(endedAt)
  }

  if (open === undefined) return <Notice kind='loading' title='正在读取下沉记录…' />

  const startFailure = start.state.status === 'error' ? start.state.error : null
  const endFailure = end.state.status === 'error' ? end.state.error : null

  if (open === null) {
    return (
      <View className='field-panel'>
        {logged !== null ? <Notice kind='success' title={`已记录这次下沉：${duration(logged)}`} /> : null}
        <Text className='field-label worker-label'>在哪个小区（选填）</Text>
        <Input
          className='field worker-input field-panel__grid'
          placeholderClass='placeholder'
          placeholder='例如 银泉花园'
          value={grid ?? defaultGrid}
          maxlength={FIELD_GRID_MAX}
          onInput={(event) => setGrid(event.detail.value)}
        />
        <BigButton className='field-panel__go' loading={start.state.status === 'loading'} onClick={() => void startSession()}>
          开始下沉
        </BigButton>
        <Text className='worker-note'>只记开始和结束时间，不记录位置。</Text>
        {startFailure ? <Notice kind='error' title='没能开始' detail={startFailure.message} /> : null}
      </View>
    )
  }

  const running = sessionMinutes(open.startedAt, now.toISOString())
  // Past 12 hours (or the server said the end is not acceptable): the worker says when they left.
  const overdue = running > MAX_SESSION_MINUTES || endFailure?.code === 'INVALID_INPUT'
  const latest = new Date(Date.parse(open.startedAt) + MAX_SESSION_MINUTES * 60_000).toISOString()

  return (
    <View className='field-panel'>
      <View className='field-panel__running'>
        <Text className='field-panel__badge'>正在下沉</Text>
        <Text className='field-panel__where'>{open.grid || '未填写小区'}</Text>
      </View>
      <Text className='field-panel__since'>
        {visitTimeLabel(open.startedAt, now)} 开始 · {running < 1 ? '刚开始' : `已 ${duration(running)}`}
      </Text>
      {overdue ? (
        <View>
          <Notice
            kind='info'
            title='这次下沉超过 12 小时了，可能忘了结束'
            detail={`一次下沉最长 12 小时。请填写您实际离开网格的时间（${chinaClock(open.startedAt)} 之后，不晚于 ${chinaDateTime(latest)}），按这个时间结束。`}
          />
          <Text className='field-label worker-label'>离开网格的时间</Text>
          <Input
            className='field worker-input field-panel__left-at'
            placeholderClass='placeholder'
            placeholder='例如 17:30'
            value={leftAt}
            maxlength={5}
            onInput={(event) => setLeftAt(event.detail.value)}
            onConfirm={endAtLeftTime}
          />
          <BigButton className='field-panel__go' loading={end.state.status === 'loading'} onClick={endAtLeftTime}>
            按这个时间结束
          </BigButton>
        </View>
      ) : (
        <BigButton className='field-panel__go' loading={end.state.status === 'loading'} onClick={() => void endSession()}>
          结束下沉
        </BigButton>
      )}
      {problem ? <Notice kind='error' title={problem} /> : null}
      {endFailure ? <Notice kind='error' title='没能结束' detail={endFailure.message} /> : null}
    </View>
  )
}
