import { Text, Textarea, View } from '@tarojs/components'
import { BigButton } from '../../components/BigButton'
import type { SheetMode } from './useSheetEditor'

interface SheetActionsProps {
  mode: SheetMode
  busy: boolean
  /** Why 提交 is not open yet (还有 3 人没有评完…); null: every row is complete. */
  submitHint: string | null
  reason: string
  onReason: (text: string) => void
  onSave: () => void
  onAskSubmit: () => void
  onSubmit: () => void
  onStartChange: () => void
  onChange: () => void
  onCancel: () => void
}

/** 保存草稿 / 提交 (open once every row is complete, confirmed in place, never a pop-up) / 修改 with its reason. */
export function SheetActions(props: SheetActionsProps) {
  const { mode, busy } = props
  if (mode === 'read') return null
  if (mode === 'draft') {
    return (
      <View className='sheet-actions'>
        <BigButton variant='secondary' loading={busy} onClick={props.onSave}>保存草稿</BigButton>
        <BigButton className='sheet-actions__next' disabled={busy || props.submitHint !== null} onClick={props.onAskSubmit}>提交</BigButton>
        {props.submitHint !== null ? <Text className='sheet-actions__hint'>{props.submitHint}</Text> : null}
      </View>
    )
  }
  if (mode === 'confirm') {
    return (
      <View className='sheet-actions sheet-confirm'>
        <Text className='sheet-confirm__text'>提交后将锁定，修改需要填写理由。确定提交吗？</Text>
        <BigButton loading={busy} onClick={props.onSubmit}>确认提交</BigButton>
        <BigButton className='sheet-actions__next' variant='secondary' disabled={busy} onClick={props.onCancel}>再看看</BigButton>
      </View>
    )
  }
  if (mode === 'locked') {
    return (
      <View className='sheet-actions'>
        <BigButton variant='secondary' onClick={props.onStartChange}>修改</BigButton>
      </View>
    )
  }
  return (
    <View className='sheet-actions sheet-confirm'>
      <Text className='sheet-confirm__text'>在上表中改好分数，并写明修改理由（5 到 200 字），会记入修改记录。</Text>
      <Textarea
        className='staff-textarea sheet-reason'
        value={props.reason}
        maxlength={200}
        placeholder='例如：复核考勤记录后更正纪律作风得分'
        placeholderClass='sheet-table__placeholder'
        onInput={(event) => props.onReason(event.detail.value)}
      />
      <BigButton loading={busy} onClick={props.onChange}>保存修改</BigButton>
      <BigButton className='sheet-actions__next' variant='secondary' disabled={busy} onClick={props.onCancel}>取消修改</BigButton>
    </View>
  )
}
