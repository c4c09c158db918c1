import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { BigButton } from '../../components/BigButton'
import { Notice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { useCommunityOrg } from '../../hooks/org'
import { openPage, routes } from '../../routes'
import { useSession } from '../../hooks/useSession'
import { staffProblem } from '../shared/problems'
import { CaseOverdueLine } from '../shared/CaseOverdueLine'
import { GridRow } from './GridRow'
import { WorkerRow } from './WorkerRow'
import '../../styles/staff.css'
import '../../styles/staffDesktop.css'
import '../org/org.css'

/** 网格与工作者: a community admin's grids (households) and workers (post, grid, 在岗 / 停用). */
export default function CommunityPage() {
  const { session, may } = useSession()
  const allowed = may('community.grids')
  const { state, reload } = useCommunityOrg(allowed)
  const [adding, setAdding] = useState(false)
  const problem = state.status === 'error' ? staffProblem(state.error) : null
  const refresh = () => reload({ silent: true })
  const org = state.status === 'ok' ? state.data : null

  return (
    <Screen className='staff'>
      <Text className='staff-title'>网格与工作者</Text>
      {org ? <Text className='staff-summary__note'>{org.subdistrict} {org.community}</Text> : null}
      <CaseOverdueLine enabled={allowed} />
      {session !== null && !allowed ? <Notice kind='info' title='这里只对社区管理员开放' detail='社区管理员在这里管理本社区的网格和工作者。' /> : null}
      {allowed && (state.status === 'idle' || state.status === 'loading') ? <Notice kind='loading' title='正在读取本社区的网格和工作者…' /> : null}
      {problem ? (
        <Notice kind='error' title={problem.title} detail={problem.detail}>
          {problem.retry ? <BigButton onClick={() => reload()}>再试一次</BigButton> : null}
        </Notice>
      ) : null}
      {org ? (
        <View className='staff-panel org-card'>
          <Text className='org-panel__name'>网格（{org.grids.length} 个）</Text>
          {org.grids.length === 0 ? <Text className='staff-note org-empty'>还没有网格，请先新增网格</Text> : null}
          {org.grids.map((grid) => (
            <GridRow key={grid.gridId} grid={grid} onSaved={refresh} />
          ))}
          {adding ? (
            <GridRow grid={null} onSaved={() => (setAdding(false), refresh())} onCancel={() => setAdding(false)} />
          ) : (
            <View className='org-link' role='button' onClick={() => setAdding(true)}>
              <Text>＋ 新增网格</Text>
            </View>
          )}
        </View>
      ) : null}
      {org ? (
        <View className='staff-panel org-card'>
          <Text className='org-panel__name'>
            工作者（{org.workers.length} 名，在岗 {org.workers.filter((w) => w.active).length} 名）
          </Text>
          {org.workers.length === 0 ? <Text className='staff-note org-empty'>还没有登记工作者</Text> : null}
          {org.workers.map((worker) => (
            <WorkerRow key={worker.workerCode} worker={worker} org={org} onSaved={refresh} />
          ))}
          <View className='org-link' role='button' onClick={() => openPage(routes.workers)}>
            <Text>给工作者生成邀请码 ›</Text>
          </View>
        </View>
      ) : null}
    </Screen>
  )
}
