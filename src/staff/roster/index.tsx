import { Text, View } from '@tarojs/components'
import { BigButton } from '../../components/BigButton'
import { Notice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { ROSTER_COLUMNS } from '../../core/rosterSchemas'
import { useRosterImport } from '../../hooks/roster'
import { useSession } from '../../hooks/useSession'
import { StaffProblemNotice } from '../shared/StaffProblemNotice'
import { RosterCounts } from './RosterCounts'
import { RosterErrors } from './RosterErrors'
import '../../styles/staff.css'
import '../../styles/staffDesktop.css'
import './index.css'

function sizeText(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** 花名册导入: the bureau brings the city's workers in from Excel, in four steps. */
export default function RosterPage() {
  const { session } = useSession()
  const bureau = session?.role === 'bureau'
  const roster = useRosterImport()
  const { template, upload, file, check, applied } = roster
  const checked = check.status === 'ok' ? check.data : null

  return (
    <Screen className='staff'>
      <Text className='staff-title'>花名册导入</Text>
      <Text className='staff-summary__note'>在电脑上用 Excel 或 WPS 填好全市的社区工作者，一次导入。再次导入时按工号更新，不会删除任何人。</Text>
      {session === null ? <Notice kind='loading' title='正在确认您的身份…' /> : null}
      {session !== null && !bureau ? <Notice kind='info' title='花名册由市民政局统一导入' detail='如需调整本社区的工作者，请到社区管理中修改。' /> : null}

      {bureau ? (
        <View>
          <View className='staff-panel roster-step'>
            <Text className='staff-heading roster-step__title'>1. 下载模板</Text>
            <Text className='staff-summary__note'>模板第一行是列名：{ROSTER_COLUMNS.join('、')}。请不要改动列名，从第 2 行起每行填一名工作者。</Text>
            <BigButton variant='secondary' loading={template.status === 'loading'} onClick={() => void roster.downloadTemplate()}>
              {template.status === 'loading' ? '正在生成模板…' : '下载模板'}
            </BigButton>
            {template.status === 'done' ? <Text className='roster-step__done'>模板{roster.templateHint}</Text> : null}
            {template.status === 'error' ? <StaffProblemNotice error={template.error} onRetry={() => void roster.downloadTemplate()} /> : null}
          </View>

          <View className='staff-panel roster-step'>
            <Text className='staff-heading roster-step__title'>2. 选择填好的花名册</Text>
            <Text className='staff-summary__note'>手机上请先把 .xlsx 文件从电脑微信发到自己的聊天里，再从聊天中选择。</Text>
            <BigButton variant={file === null ? 'primary' : 'secondary'} loading={upload.status === 'loading'} onClick={() => void roster.pickFile()}>
              {upload.status === 'loading' ? '正在上传…' : file === null ? '选择文件' : '换一个文件'}
            </BigButton>
            {file !== null ? <Text className='roster-file'>已选择：{file.name}（{sizeText(file.size)}）</Text> : null}
            {upload.status === 'error' ? <StaffProblemNotice error={upload.error} onRetry={() => void roster.pickFile()} /> : null}
          </View>

          {file !== null && applied.status !== 'ok' ? (
            <View className='staff-panel roster-step'>
              <Text className='staff-heading roster-step__title'>3. 检查</Text>
              {check.status === 'loading' ? <Notice kind='loading' title='正在逐行检查…' detail='上千行的花名册需要几秒钟。' /> : null}
              {check.status === 'error' ? <StaffProblemNotice error={check.error} onRetry={() => void roster.checkAgain()} /> : null}
              {checked !== null && checked.errors.length > 0 ? <RosterErrors errors={checked.errors} count={checked.errorCount} /> : null}
              {checked !== null && checked.errors.length === 0 ? <RosterCounts result={checked} done={false} /> : null}
              {check.status === 'idle' ? (
                <BigButton variant='secondary' onClick={() => void roster.checkAgain()}>
                  再检查一次
                </BigButton>
              ) : null}
            </View>
          ) : null}

          {checked !== null && checked.errors.length === 0 && (checked.created > 0 || checked.updated > 0 || checked.units.grids + checked.units.communities + checked.units.subdistricts > 0) ? (
            <View className='staff-panel roster-step'>
              <Text className='staff-heading roster-step__title'>4. 导入</Text>
              <Text className='staff-summary__note'>全部写入或全部不写入；导入后工作者即可被扫码评价。</Text>
              <BigButton loading={applied.status === 'loading'} onClick={() => void roster.importFile()}>
                {applied.status === 'loading' ? '正在导入…' : '导入'}
              </BigButton>
              {applied.status === 'error' ? <StaffProblemNotice error={applied.error} onRetry={() => void roster.importFile()} /> : null}
            </View>
          ) : null}

          {applied.status === 'ok' ? (
            <View className='staff-panel roster-step'>
              <Text className='staff-heading roster-step__title'>4. 导入</Text>
              {applied.data.errors.length > 0 ? <RosterErrors errors={applied.data.errors} count={applied.data.errorCount} /> : <RosterCounts result={applied.data} done />}
            </View>
          ) : null}
        </View>
      ) : null}
    </Screen>
  )
}
