import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { BigButton } from '../../components/BigButton'
import { Notice } from '../../components/Notice'
import { FIELD_GRID_MAX } from '../../core/fieldTimeSchemas'
import { MAX_SESSION_MINUTES, sessionMinutes } from '../../core/fieldSessions'
import type { OpenSessionView } from '../../core/fieldSessions'
import { visitTimeLabel } from '../../core/visits'
import { useEndField, useNow, useStartField } from '../../hooks/fieldTime'
import { duration } from './format'
import { LeftAtForm } from './LeftAtForm'
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
 * No location is taken. A worker who forgot to end one may end it at the time they left, whenever it runs;
 * past 12 hours that is the only way (no session is logged as longer).
 */
export function FieldSessionPanel({ open, defaultGrid, onChanged }: FieldSessionPanelProps) {
  const start = useStartField()
  const end = useEndField()
  const now = useNow(30_000)
  const [grid, setGrid] = useState<string | null>(null)
  const [forgot, setForgot] = useState(false)
  const [logged, setLogged] = useState<number | null>(null)

  const startSession = async () => {
    setLogged(null)
    await start.run({ grid: (grid ?? defaultGrid).trim() || undefined })
    // Started — or refused because one already runs (started on another phone): show what is there.
    end.reset()
    onChanged()
  }

  const endSession = async (endedAt?: string) => {
    const done = await end.run(endedAt === undefined ? {} : { endedAt })
    if (done !== null) {
      setLogged(done.minutes)
      setForgot(false)
      start.reset()
      onChanged()
    }
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
  // Past 12 hours only the time the worker left can end it; before, it is there for a forgotten end,
  // and after the server refused an end now (a phone's clock far off).
  const overdue = running > MAX_SESSION_MINUTES
  const asksLeftAt = overdue || forgot || endFailure?.code === 'INVALID_INPUT'

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
        <Notice kind='info' title='这次下沉超过 12 小时了，可能忘了结束' detail='一次下沉最长 12 小时。请填写您实际离开网格的时间，按这个时间结束。' />
      ) : (
        <BigButton className='field-panel__go' loading={end.state.status === 'loading' && !forgot} onClick={() => void endSession()}>
          结束下沉
        </BigButton>
      )}
      {!asksLeftAt ? (
        <Text className='field-panel__forgot' onClick={() => setForgot(true)}>
          早就离开网格了？按离开的时间结束
        </Text>
      ) : null}
      {asksLeftAt ? <LeftAtForm startedAt={open.startedAt} now={now} busy={end.state.status === 'loading'} only={overdue} onEnd={(endedAt) => void endSession(endedAt)} /> : null}
      {endFailure ? <Notice kind='error' title='没能结束' detail={endFailure.message} /> : null}
    </View>
  )
}
