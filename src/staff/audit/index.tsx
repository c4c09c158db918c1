import { useState } from 'react'
import { Text } from '@tarojs/components'
import { BigButton } from '../../components/BigButton'
import { Notice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { type AuditFilterInput, useAuditLog } from '../../hooks/audit'
import { useOrgList } from '../../hooks/org'
import { useSession } from '../../hooks/useSession'
import { StaffProblemNotice } from '../shared/StaffProblemNotice'
import { AuditEntryCard } from './AuditEntryCard'
import { AuditFilters } from './AuditFilters'
import '../../styles/staff.css'
import '../../styles/staffDesktop.css'
import './index.css'

/** 操作记录: the bureau reads every staff decision, newest first, filtered and page by page. */
export default function AuditPage() {
  const { session, may } = useSession()
  const allowed = may('audit.list')
  const [filter, setFilter] = useState<AuditFilterInput>({})
  const log = useAuditLog(allowed ? filter : null, `${session?.role ?? ''}|${session?.name ?? ''}`)
  const org = useOrgList(allowed)
  const subdistricts = org.state.status === 'ok' ? org.state.data.subdistricts : []
  const filtered = Object.keys(filter).length > 0

  return (
    <Screen className='staff'>
      <Text className='staff-title'>操作记录</Text>
      <Text className='staff-summary__note'>各街道和市民政局的每一次人工决定，谁在什么时候做的、理由是什么，只增不改。</Text>
      {session === null ? <Notice kind='loading' title='正在确认身份…' /> : null}
      {session !== null && !allowed ? <Notice kind='info' title='操作记录只对市民政局开放' /> : null}

      {allowed ? <AuditFilters value={filter} onChange={setFilter} subdistricts={subdistricts} /> : null}
      {allowed && (log.state.status === 'idle' || log.state.status === 'loading') ? <Notice kind='loading' title='正在读取操作记录…' /> : null}
      {log.state.status === 'error' ? <StaffProblemNotice error={log.state.error} onRetry={log.reload} /> : null}

      {log.state.status === 'ok' && log.entries.length === 0 ? (
        filtered ? (
          <Notice kind='empty' title='没有符合条件的记录' detail='换一个操作类型、街道或日期再看看。' />
        ) : (
          <Notice kind='empty' title='还没有操作记录' detail='修改考核设置、提交或修改评分表、复核可疑评价、审核留言、处理差评和申诉后，都会在这里留下记录。' />
        )
      ) : null}
      {log.state.status === 'ok' && log.entries.length > 0 ? <Text className='staff-summary'>最新的在前</Text> : null}
      {log.entries.map((entry) => (
        <AuditEntryCard key={entry.id} entry={entry} />
      ))}
      {log.moreError !== null ? <StaffProblemNotice error={log.moreError} onRetry={() => void log.loadMore()} /> : null}
      {log.hasMore ? (
        <BigButton variant='secondary' loading={log.loadingMore} onClick={() => void log.loadMore()}>
          加载更多
        </BigButton>
      ) : null}
      {log.state.status === 'ok' && log.entries.length > 0 && !log.hasMore ? <Text className='staff-note audit-end'>已经是最早的记录了</Text> : null}
    </Screen>
  )
}
