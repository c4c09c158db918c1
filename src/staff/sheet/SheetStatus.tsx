import { Text, View } from '@tarojs/components'
import { chinaDateTime } from '../../core/fieldSessions'
import type { SheetView } from '../../core/sheetSchemas'

interface SheetStatusProps {
  view: SheetView
  /** 尚未填写 / 草稿 with the count, as typed (draftStatusTitle). */
  draftTitle: string
  /** Boxes typed since the sheet was loaded. */
  edited: boolean
}

/** 草稿 / 已提交 at time / 已修改 n 次, in words and colour both (colour is never the only cue). */
export function SheetStatus({ view, draftTitle, edited }: SheetStatusProps) {
  if (view.status === 'submitted') {
    const changed = view.changes.length > 0 ? `，已修改 ${view.changes.length} 次` : ''
    return (
      <View className='sheet-status sheet-status--submitted'>
        <Text className='staff-heading staff-heading--small sheet-status__title'>已提交{changed}</Text>
        <Text className='staff-note'>
          {view.submittedAt ? `${chinaDateTime(view.submittedAt)} 由 ${view.submittedBy ?? '街道工作人员'} 提交，` : ''}评分已锁定，修改需要填写理由
        </Text>
      </View>
    )
  }
  return (
    <View className='sheet-status sheet-status--draft'>
      <Text className='staff-heading staff-heading--small sheet-status__title'>{draftTitle}</Text>
      <Text className='staff-note'>
        {view.updatedAt ? `${chinaDateTime(view.updatedAt)} 保存。` : ''}
        {view.editable && edited ? '有改动还没有保存。' : ''}
        {view.editable ? '全部评完后提交；提交前可随时保存草稿' : '街道尚未提交'}
      </Text>
    </View>
  )
}

/** A score as the change log reads it: 93.2 分, or 未评完 for a row that was not complete. */
const scoreWords = (score: number | null) => (score === null ? '未评完' : `${score.toFixed(1)} 分`)

/** The changes after submission, newest first: when, who changed it, whose score went from what to what, and why. */
export function SheetHistory({ view }: { view: SheetView }) {
  if (view.changes.length === 0) return null
  return (
    <View className='sheet-history'>
      <Text className='staff-heading staff-heading--small'>修改记录</Text>
      {view.changes.map((change) => (
        <View key={change.at} className='sheet-history__item'>
          <Text className='staff-note'>
            {chinaDateTime(change.at)} · {change.by} 修改了 {change.rows} 人
          </Text>
          {change.scores.map((score) => (
            <Text key={score.workerCode} className='sheet-history__score'>
              {score.name}：{scoreWords(score.from)} → {scoreWords(score.to)}
            </Text>
          ))}
          <Text className='sheet-history__reason'>理由：{change.reason}</Text>
        </View>
      ))}
    </View>
  )
}
