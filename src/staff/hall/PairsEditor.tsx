import { useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import type { HallRotaSetup, HallWorker } from '../../core/hallSchemas'

type Pairs = HallRotaSetup['pairs']

interface PairsEditorProps {
  pairs: Pairs
  workers: HallWorker[]
  nameOf: (workerCode: string) => string
  onChange: (pairs: Pairs) => void
}

/**
 * AB岗 as the next generation will use them: each pair with 删除, and a new pair picked as A and B from the
 * community's workers. Whether a pair is allowed (one pair each, never oneself, enough people left for the
 * day's staffing) is the server's to say when the rota is generated, in words.
 */
export function PairsEditor({ pairs, workers, nameOf, onChange }: PairsEditorProps) {
  const [a, setA] = useState<number | null>(null)
  const [b, setB] = useState<number | null>(null)
  const names = workers.map((worker) => worker.name)
  const add = () => {
    const first = a === null ? undefined : workers[a]
    const second = b === null ? undefined : workers[b]
    if (first === undefined || second === undefined) return
    onChange([...pairs, { a: first.workerCode, b: second.workerCode }])
    setA(null)
    setB(null)
  }
  return (
    <View className='hall-pairs'>
      <Text className='hall-setup__title'>AB 岗（{pairs.length} 对，同一对的两人不排在同一天）</Text>
      {pairs.length === 0 ? <Text className='staff-note hall-setup__line'>还没有设 AB 岗</Text> : null}
      {pairs.map((pair) => (
        <View key={`${pair.a}-${pair.b}`} className='hall-pair'>
          <Text className='hall-pair__text'>
            {nameOf(pair.a)}（A 岗）· {nameOf(pair.b)}（B 岗）
          </Text>
          <View className='hall-pair__remove' role='button' onClick={() => onChange(pairs.filter((p) => p !== pair))}>
            <Text>删除</Text>
          </View>
        </View>
      ))}
      <View className='hall-pair hall-pair--new'>
        <Picker className='hall-picker' mode='selector' range={names} value={a ?? 0} onChange={(e) => setA(Number(e.detail.value))}>
          <View className='hall-pick'>
            <Text>A 岗：{a === null ? '请选择' : names[a]} ▾</Text>
          </View>
        </Picker>
        <Picker className='hall-picker' mode='selector' range={names} value={b ?? 0} onChange={(e) => setB(Number(e.detail.value))}>
          <View className='hall-pick'>
            <Text>B 岗：{b === null ? '请选择' : names[b]} ▾</Text>
          </View>
        </Picker>
        <View className={`hall-button${a === null || b === null ? ' hall-button--off' : ''}`} role='button' onClick={add}>
          <Text>{a === null || b === null ? '先选 A 岗和 B 岗' : '添加这一对'}</Text>
        </View>
      </View>
    </View>
  )
}
