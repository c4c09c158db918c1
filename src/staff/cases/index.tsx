import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { BigButton } from '../../components/BigButton'
import { Notice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { useCaseList } from '../../hooks/cases'
import { openPage, routes } from '../../routes'
import { useSession } from '../../hooks/useSession'
import { type CaseView, caseFinished } from '../../core/cases'
import { StaffProblemNotice } from '../shared/StaffProblemNotice'
import { CaseRow } from './CaseRow'
import '../../styles/staff.css'
import '../../styles/staffDesktop.css'
import './index.css'

const FILTERS = [
  { key: 'all', label: '全部', keep: () => true },
  { key: 'overdue', label: '逾期', keep: (c: CaseView) => c.overdue !== null },
  { key: 'callback', label: '待回访', keep: (c: CaseView) => c.stage === 'callback' },
  { key: 'rectify', label: '待整改', keep: (c: CaseView) => c.stage === 'rectify' },
] as const

/** 差评回访整改: the cases of a community (its admin), a sub-district or the city — overdue first, in red. */
export default function CasesPage() {
  const { session, may } = useSession()
  const allowed = may('case.list')
  const list = useCaseList(allowed, `${session?.role ?? ''}|${session?.name ?? ''}`)
  const [filter, setFilter] = useState<(typeof FILTERS)[number]['key']>('all')

  const cases = list.state.status === 'ok' ? list.state.data.cases : []
  const shown = cases.filter(FILTERS.find((f) => f.key === filter)?.keep ?? (() => true))
  const overdue = cases.filter((c) => c.overdue !== null).length
  // A case withdrawn by an upheld appeal is finished like one the rater closed.
  const open = cases.filter((c) => !caseFinished(c.stage)).length

  return (
    <Screen className='staff'>
      <Text className='staff-title'>差评回访整改</Text>
      <Text className='staff-summary__note'>
        居民或服务对象给出“不满意”“非常不满意”后，社区须在规定工作日内回访评价人、完成整改，再请评价人评价整改结果。评价人身份不会显示。
      </Text>
      {session === null ? <Notice kind='loading' title='正在确认身份…' /> : null}
      {session !== null && !allowed ? <Notice kind='info' title='这里只对社区、街道工作人员和市民政局开放' /> : null}
      {allowed && (list.state.status === 'idle' || list.state.status === 'loading') ? <Notice kind='loading' title='正在读取差评…' /> : null}
      {list.state.status === 'error' ? <StaffProblemNotice error={list.state.error} onRetry={() => list.reload()} /> : null}

      {list.state.status === 'ok' ? (
        <>
          <Text className='staff-summary'>
            未办结 {open} 条{overdue > 0 ? <Text className='cases__overdue'>，其中逾期 {overdue} 条</Text> : null}
          </Text>
          <View className='cases__filters'>
            {FILTERS.map((f) => (
              <Text key={f.key} className={`cases__filter${filter === f.key ? ' cases__filter--on' : ''}`} onClick={() => setFilter(f.key)}>
                {f.label}
              </Text>
            ))}
          </View>
          {shown.length === 0 ? <Notice kind='empty' title={filter === 'all' ? '还没有差评' : '没有这一类的差评'} /> : null}
          {shown.map((c) => (
            <CaseRow key={c.caseId} item={c} onOpen={() => openPage(routes.caseDetail(c.caseId))} />
          ))}
          <BigButton className='cases__refresh' variant='secondary' onClick={() => list.reload()}>
            刷新
          </BigButton>
        </>
      ) : null}
    </Screen>
  )
}
