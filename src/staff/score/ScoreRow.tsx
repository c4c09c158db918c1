import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { periodLabel } from '../../core/periods'
import type { EvaluationRow } from '../../core/types'
import { BigButton } from '../../components/BigButton'
import { Notice } from '../../components/Notice'
import { useSubmitScore } from '../../hooks/staff'
import { staffProblem } from '../shared/problems'
import { parseScore } from './parseScore'

interface ScoreRowProps {
  row: EvaluationRow
  period: string
  open: boolean
  onOpen: () => void
  onSaved: () => void
}

/** One worker: the score entered so far, and when opened, a field to enter or change it. */
export function ScoreRow({ row, period, open, onOpen, onSaved }: ScoreRowProps) {
  const [text, setText] = useState(row.subdistrict ? String(row.subdistrict.score) : '')
  const [localError, setLocalError] = useState<string | null>(null)
  const { state, run, reset } = useSubmitScore()
  const current = row.subdistrict ? `${row.subdistrict.score.toFixed(1)} 分` : '未打分'

  const save = async () => {
    const parsed = parseScore(text)
    if (!parsed.ok) {
      setLocalError(parsed.message)
      return
    }
    setLocalError(null)
    const result = await run({ workerCode: row.workerCode, period, score: parsed.score })
    if (result) onSaved()
  }

  const problem = state.status === 'error' ? staffProblem(state.error) : null

  return (
    <View className={`score-row${open ? ' score-row--open' : ''}`} data-worker={row.workerCode}>
      <View
        className='score-row__head'
        onClick={() => {
          reset()
          onOpen()
        }}
      >
        <View className='score-row__who'>
          <Text className='score-row__name'>{row.name}</Text>
          <Text className='score-row__meta'>
            {row.workerCode} · {row.community}
          </Text>
        </View>
        <Text className={`score-row__current${row.subdistrict ? '' : ' score-row__current--none'}`}>{current}</Text>
      </View>
      {open ? (
        <View className='score-row__form'>
          <Text className='score-row__label'>
            {periodLabel(period)}街道评分（0 到 100）
          </Text>
          <Input
            className='field score-row__input'
            type='digit'
            placeholderClass='placeholder'
            placeholder='例如 88'
            value={text}
            maxlength={5}
            onInput={(event) => setText(event.detail.value)}
          />
          {localError ? <Notice kind='error' title={localError} /> : null}
          {problem ? <Notice kind='error' title={problem.title} detail={problem.detail} /> : null}
          {state.status === 'ok' ? (
            <Notice
              kind='success'
              title={`已保存 ${text.trim()} 分`}
              detail={`${row.name} · ${periodLabel(state.data.period)}街道评分`}
            />
          ) : null}
          <BigButton className='score-row__save' loading={state.status === 'loading'} onClick={save}>
            {state.status === 'loading' ? '正在保存…' : '保存评分'}
          </BigButton>
        </View>
      ) : null}
    </View>
  )
}
