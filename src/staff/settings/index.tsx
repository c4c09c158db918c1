import { Text } from '@tarojs/components'
import { chinaDateTime } from '../../core/fieldSessions'
import type { SettingsInForce } from '../../core/settingsSchemas'
import { Notice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { useSettings } from '../../hooks/settings'
import { useSession } from '../../hooks/useSession'
import { StaffProblemNotice } from '../shared/StaffProblemNotice'
import { SettingsForm } from './SettingsForm'
import '../../styles/staff.css'
import '../../styles/staffDesktop.css'
import './index.css'

/** 当前第 3 版，3月16日 11:30 由 市民政局 赵处长 保存 */
function versionLine(current: SettingsInForce): string {
  if (current.savedAt === undefined) return `当前第 ${current.version} 版（系统初始设置）`
  return `当前第 ${current.version} 版，${chinaDateTime(current.savedAt)} 由 ${current.savedBy ?? '管理员'} 保存`
}

/** The scoring settings of DESIGN section 3: the bureau reads and changes them; each save is a new version. */
export default function SettingsPage() {
  const { session, may } = useSession()
  const editor = may('settings.save')
  const { state, reload } = useSettings(editor)

  return (
    <Screen className='staff'>
      <Text className='staff-title'>考核设置</Text>
      {session === null ? <Notice kind='loading' title='正在确认您的身份…' /> : null}
      {session !== null && !editor ? <Notice kind='info' title='考核设置由市民政局统一维护' detail='如需调整权重、分值或节假日，请联系市民政局。' /> : null}
      {editor && (state.status === 'idle' || state.status === 'loading') ? <Notice kind='loading' title='正在读取设置…' /> : null}
      {state.status === 'error' ? <StaffProblemNotice error={state.error} onRetry={() => reload()} /> : null}
      {state.status === 'ok' ? (
        <>
          <Text className='settings-version'>{versionLine(state.data)}</Text>
          <Text className='staff-summary__note'>保存后生成新的一版，之前各版都会留存；考核结果按当前版本计算。</Text>
          <SettingsForm current={state.data} onSaved={() => reload({ silent: true })} />
        </>
      ) : null}
    </Screen>
  )
}
