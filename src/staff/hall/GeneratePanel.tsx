import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { HALL_STAFFING_MAX, type HallRotaSetup } from '../../core/hallSchemas'
import { periodLabel } from '../../core/periods'

interface GeneratePanelProps {
  period: string
  setup: HallRotaSetup
  workingDays: number
  /** The month has a rota already: generating again replaces the days from today on. */
  hasRota: boolean
  generating: boolean
  nameOf: (workerCode: string) => string
  onGenerate: (setup: HallRotaSetup) => void
}

/**
 * 生成值班表: how many a day (the only thing changed here), the groups the rotation walks and the AB posts,
 * as the last rota kept them; generating again over a rota asks first, in place (no pop-up).
 */
export function GeneratePanel({ period, setup, workingDays, hasRota, generating, nameOf, onGenerate }: GeneratePanelProps) {
  const [staffing, setStaffing] = useState(setup.staffing)
  const [confirming, setConfirming] = useState(false)
  const generate = () => {
    setConfirming(false)
    onGenerate({ ...setup, staffing })
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
      <Text className='hall-setup__title'>AB 岗（{setup.pairs.length} 对）</Text>
      {setup.pairs.length === 0 ? <Text className='staff-note hall-setup__line'>还没有设 AB 岗</Text> : null}
      {setup.pairs.map((pair) => (
        <Text key={`${pair.a}-${pair.b}`} className='staff-note hall-setup__line'>
          {nameOf(pair.a)}（A 岗）· {nameOf(pair.b)}（B 岗）
        </Text>
      ))}
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
