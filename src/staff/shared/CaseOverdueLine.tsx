import { Text, View } from '@tarojs/components'
import { useApiQuery } from '../../hooks/useApi'
import { openPage, routes } from '../../routes'
import './CaseOverdueLine.css'

/**
 * 差评回访整改 at a glance: the open bad-review cases of the caller's scope (a community admin's
 * community, sub-district staff's sub-district, the bureau's city), overdue ones
 * in red; one tap opens the list. Nothing while loading or when there is nothing open.
 */
export function CaseOverdueLine({ enabled }: { enabled: boolean }) {
  // The page knows who the caller is; a caller the server refuses (403) sees nothing here.
  const { state } = useApiQuery('case.list', enabled ? {} : null)
  if (state.status !== 'ok') return null
  const open = state.data.cases.filter((c) => c.stage === 'callback' || c.stage === 'rectify')
  const overdue = open.filter((c) => c.overdue !== null)
  if (open.length === 0) return null
  return (
    <View className={`case-line${overdue.length > 0 ? ' case-line--overdue' : ''}`} data-case-overdue={overdue.length} onClick={() => openPage(routes.cases)}>
      <Text className='case-line__text'>
        差评待回访整改 {open.length} 条{overdue.length > 0 ? `，逾期 ${overdue.length} 条` : ''}
      </Text>
      <Text className='case-line__go'>查看 ›</Text>
    </View>
  )
}
