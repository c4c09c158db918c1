import { Text, View } from '@tarojs/components'
import { SETTINGS_REASON_MAX, SETTINGS_REASON_MIN, settingsChange, settingsChangeLines } from '../../core/settingsChange'
import type { Settings } from '../../core/types'
import { Notice } from '../../components/Notice'
import { ReasonForm } from '../../components/ReasonForm'
import type { CallError } from '../../platform/call-error'

interface SettingsConfirmProps {
  before: Settings
  after: Settings
  busy: boolean
  /** A refusal that is not about one setting (those show beside their setting above). */
  error: CallError | null
  onConfirm: (reason: string) => void
  onBack: () => void
}

/**
 * Before a city-wide change takes effect: what it changes, in the words the audit log will keep, and why
 * (required, kept in the audit log). Written in place, never in a pop-up.
 */
export function SettingsConfirm({ before, after, busy, error, onConfirm, onBack }: SettingsConfirmProps) {
  const { changed, values } = settingsChange(before, after)
  if (changed.length === 0) {
    return (
      <Notice kind='info' title='没有改动任何设置' detail='改动设置后再保存。'>
        <Text className='settings-confirm__back' onClick={onBack}>
          返回
        </Text>
      </Notice>
    )
  }
  return (
    <View className='staff-panel settings-confirm'>
      <Text className='staff-heading settings-confirm__title'>确认修改考核设置</Text>
      <Text className='staff-note'>保存后全市立即按新的设置计算，修改理由和改动会记入操作记录。</Text>
      <View className='settings-confirm__changes'>
        {settingsChangeLines(changed, values).map((line) => (
          <Text key={line} className='settings-confirm__change'>
            · {line}
          </Text>
        ))}
      </View>
      <ReasonForm
        block='settings-confirm'
        look='staff'
        label='修改理由（必填）'
        placeholder='例如：按省里要求，网格工作时间目标调整为三分之二'
        minLength={SETTINGS_REASON_MIN}
        maxLength={SETTINGS_REASON_MAX}
        counted
        busy={busy}
        error={error}
        errorTitle='没有保存'
        action={{ label: '确认保存，全市生效', onPress: onConfirm }}
        second={{ label: '返回修改', variant: 'secondary', needsReason: false, onPress: onBack }}
      />
    </View>
  )
}
