import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { HALL_STAFFING_MAX, type HallRotaSetup, type HallWorker } from '../../core/hallSchemas'
import { periodLabel } from '../../core/periods'
import { PairsEditor } from './PairsEditor'

interface GeneratePanelProps {
  period: string
  setup: HallRotaSetup
  workingDays: number
  /** The month has a rota already: generating again replaces the days from today on. */
  hasRota: boolean
  generating: boolean
  /** The community's workers in post: whom a pair may name. */
  workers: HallWorker[]
  nameOf: (workerCode: string) => string
  onGenerate: (setup: HallRotaSetup) => void
}

/**
 * 生成值班表: how many a day and the AB posts (changed here), the groups the rotation walks, as the last
 * rota kept them; generating again over a rota asks first, in place (no pop-up).
 */
export function GeneratePanel({ period, setup, workingDays, hasRota, generating, workers, nameOf, onGenerate }: GeneratePanelProps) {
  const [staffing, setStaffing] = useState(setup.staffing)
  const [pairs, setPairs] = useState(setup.pairs)
  const [confirming, setConfirming] = useState(false)
  const generate = () => {
    setConfirming(false)
    onGenerate({ ...setup, staffing, pairs })
  }
  return (
    <View className='staff-panel hall-panel hall-generate'>
      <Text className='staff-heading'>{hasRota ? `重新生成${periodLabel(period)}值班表` : `生成${periodLabel(period)}值班表`}</Text>
      <Text className='staff-note'>按编组轮流值班，{workingDays} 个工作日（已除去节假日，含调休上班日）；AB 岗的两人不排在同一天。</Text>
      <View className='hall-staffing'>
        <Text className='hall-staffing__label'>每天值班人数</Text>
        <View className='hall-step' role='button' aria-label='少一人' onClick={() => setStaffing((n) => Math.max(1, n - 1))}>
          <Text>－</Text>
        </View>
        <Text className='hall-staffing__value'>{staffing} 人</Text>
        <View className='hall-step' role='button' aria-label='多一人' onClick={() => setStaffing((n) => Math.min(HALL_STAFFING_MAX, n + 1))}>
          <Text>＋</Text>
        </View>
      </View>
      <Text className='hall-setup__title'>编组（{setup.groups.length} 组，按组轮流）</Text>
      {setup.groups.map((group, i) => (
        <Text key={group.join()} className='staff-note hall-setup__line'>
          第 {i + 1} 组：{group.map(nameOf).join('、')}
        </Text>
      ))}
      <PairsEditor pairs={pairs} workers={workers} nameOf={nameOf} onChange={setPairs} />
      {pairs !== setup.pairs ? <Text className='staff-note hall-setup__line'>AB 岗改动后，点“{hasRota ? '重新生成值班表' : '生成值班表'}”才会生效。</Text> : null}
      {confirming ? (
        <View className='hall-confirm'>
          <Text className='hall-confirm__text'>重新生成会按编组重排从今天起的每一天，之前的调整会被替换；已经过去的日子不变。确定吗？</Text>
          <View className='hall-actions'>
            <View className='hall-button hall-button--primary' role='button' onClick={generate}>
              <Text>确定重新生成</Text>
            </View>
            <View className='hall-button' role='button' onClick={() => setConfirming(false)}>
              <Text>取消</Text>
            </View>
          </View>
        </View>
      ) : (
        <View className='hall-actions'>
          <View className='hall-button hall-button--primary' role='button' onClick={() => !generating && (hasRota ? setConfirming(true) : generate())}>
            <Text>{generating ? '正在生成…' : hasRota ? '重新生成值班表' : '生成值班表'}</Text>
          </View>
        </View>
      )}
    </View>
  )
}
