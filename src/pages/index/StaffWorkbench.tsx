import { Text, View } from '@tarojs/components'
import type { ActionName } from '../../core/contract'
import type { SheetWaiting, WaitingCount, WaitingQueue } from '../../core/workbench'
import { BigButton } from '../../components/BigButton'
import { Notice } from '../../components/Notice'
import { useApiQuery } from '../../hooks/useApi'
import { openPage, routes } from '../../routes'
import '../../styles/staffDesktop.css'
import './StaffWorkbench.css'

const QUEUES: Record<WaitingQueue, { label: string; route: string }> = {
  cases: { label: '差评待回访整改', route: routes.cases },
  appeals: { label: '申诉待复核', route: routes.appealReview },
  reviews: { label: '可疑评价待复核', route: routes.reviewQueue },
  comments: { label: '留言待审核', route: routes.comments },
}

/**
 * The tools, grouped as a clerk thinks of them; each shows only to the roles the access table lets call it
 * (sub-district staff and the bureau their evaluation pages, community admins their own community's).
 */
const TOOL_GROUPS: ReadonlyArray<{ title: string; tools: ReadonlyArray<{ label: string; action: ActionName; route: string }> }> = [
  {
    title: '评价与考核',
    tools: [
      { label: '查看评价结果', action: 'evaluation.get', route: routes.evaluation() },
      // Of two tools with one label the caller gets the first they may use: the bureau's 考核报表 opens
      // on the city, a sub-district's on its own report.
      { label: '考核报表', action: 'city.overview', route: routes.city },
      { label: '考核报表', action: 'report.get', route: routes.reports },
      { label: '录入街道评分', action: 'sheet.submit', route: routes.sheet() },
    ],
  },
  {
    title: '处理事项',
    tools: [
      { label: '差评回访整改', action: 'case.list', route: routes.cases },
      { label: '申诉复核', action: 'appeal.list', route: routes.appealReview },
      { label: '可疑评价复核', action: 'review.list', route: routes.reviewQueue },
      { label: '留言审核', action: 'comment.list', route: routes.comments },
    ],
  },
  {
    title: '组织与人员',
    tools: [
      { label: '组织架构', action: 'org.list', route: routes.org },
      { label: '网格与工作者', action: 'community.grids', route: routes.community },
      { label: '社区工作者与邀请码', action: 'community.workers', route: routes.workers },
      { label: '花名册导入', action: 'org.import', route: routes.roster },
      { label: '编辑四岗职责', action: 'post.save', route: routes.posts },
      // The community admin keeps it; sub-district staff and the bureau read it.
      { label: '大厅值班表', action: 'hall.rota.get', route: routes.hallRota() },
    ],
  },
  {
    title: '设置与记录',
    tools: [
      { label: '考核设置', action: 'settings.save', route: routes.settings },
      { label: '操作记录', action: 'audit.list', route: routes.audit },
    ],
  },
]

function WaitingRow({ item }: { item: WaitingCount }) {
  const { label, route } = QUEUES[item.queue]
  const late = item.overdue > 0
  return (
    <View className={`workbench-row${late ? ' workbench-row--late' : ''}${item.count === 0 ? ' workbench-row--none' : ''}`} data-queue={item.queue} onClick={() => openPage(route)}>
      <Text className='workbench-row__label'>{label}</Text>
      <Text className='workbench-row__count'>
        {item.count === 0 ? '暂无' : `${item.count} 条`}
        {late ? <Text className='workbench-row__late'>（逾期 {item.overdue} 条）</Text> : null}
      </Text>
      <Text className='workbench-row__go'>›</Text>
    </View>
  )
}

const SHEET_STATE = { new: '尚未填写', draft: '草稿', submitted: '已提交' } as const

function SheetRow({ sheet }: { sheet: SheetWaiting }) {
  const done = sheet.status === 'submitted'
  return (
    <View className={`workbench-row${done ? ' workbench-row--none' : ''}`} data-queue='sheet' onClick={() => openPage(routes.sheet('period', sheet.period))}>
      {/* The sheet of the month that is running: 本月 is shorter than 2026年12月 on a phone row. */}
      <Text className='workbench-row__label'>本月街道评分</Text>
      <Text className='workbench-row__count'>
        {SHEET_STATE[sheet.status]}
        {done ? '' : ` · 已评 ${sheet.complete} / ${sheet.workers} 人`}
      </Text>
      <Text className='workbench-row__go'>›</Text>
    </View>
  )
}

/**
 * The staff home: first what is waiting, each queue with its count (late cases in red, in words too), then
 * the tools in groups. The resident's own part of the home comes after it, for staff who are also residents.
 */
export function StaffWorkbench({ name, may }: { name: string | undefined; may: (action: ActionName) => boolean }) {
  const { state, reload } = useApiQuery('workbench.get', {})
  const seen = new Set<string>()
  const mayUse = (tool: { label: string; action: ActionName }) => {
    if (seen.has(tool.label) || !may(tool.action)) return false
    seen.add(tool.label)
    return true
  }
  const groups = TOOL_GROUPS.map((group) => ({ ...group, tools: group.tools.filter(mayUse) })).filter((group) => group.tools.length > 0)
  return (
    <View className='workbench'>
      <Text className='workbench__title'>工作台</Text>
      {name ? <Text className='workbench__name'>{name}</Text> : null}
      <View className='workbench__panel'>
        <Text className='workbench__heading'>待处理</Text>
        {state.status === 'idle' || state.status === 'loading' ? <Notice kind='loading' title='正在统计待处理的事项…' /> : null}
        {state.status === 'error' ? (
          <Notice kind='error' title='没能读取待处理的事项' detail={state.error.message}>
            <BigButton variant='secondary' onClick={() => reload()}>
              再试一次
            </BigButton>
          </Notice>
        ) : null}
        {state.status === 'ok' ? (
          <View>
            {state.data.waiting.map((item) => (
              <WaitingRow key={item.queue} item={item} />
            ))}
            {state.data.sheet !== undefined ? <SheetRow sheet={state.data.sheet} /> : null}
          </View>
        ) : null}
      </View>
      {groups.map((group) => (
        <View key={group.title} className='workbench__panel'>
          <Text className='workbench__heading'>{group.title}</Text>
          <View className='workbench__tools'>
            {group.tools.map((tool) => (
              <BigButton key={tool.label} variant='secondary' className='workbench-tool' onClick={() => openPage(tool.route)}>
                {tool.label}
              </BigButton>
            ))}
          </View>
        </View>
      ))}
    </View>
  )
}
