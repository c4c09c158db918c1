import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import type { DirectoryCommunity } from '../../core/catalog'
import { BigButton } from '../../components/BigButton'
import { Notice } from '../../components/Notice'
import { useGridDirectory } from '../../hooks/catalog'
import { Choice } from './Choice'

/** Past this many communities a name filter helps more than scrolling (a city has 100+). */
const FILTER_FROM = 8

/** Step 1: which community. Grouped by sub-district when there are several. */
export function CommunityStep({ onPick }: { onPick: (communityId: string) => void }) {
  const { state, reload } = useGridDirectory(undefined)
  const [filter, setFilter] = useState('')

  if (state.status === 'idle' || state.status === 'loading') return <Notice kind='loading' title='正在读取社区名单…' />
  if (state.status === 'error') {
    return (
      <Notice kind='error' title='没能读取社区名单' detail={state.error.message}>
        <BigButton onClick={() => reload()}>再试一次</BigButton>
      </Notice>
    )
  }
  const all = state.data.communities
  if (all.length === 0) return <Notice kind='empty' title='还没有可以选择的社区' detail='请过些日子再来看看。' />

  const words = filter.trim()
  const shown = words === '' ? all : all.filter((c) => c.name.includes(words) || c.subdistrict.includes(words))
  const groups = groupBySubdistrict(shown)
  return (
    <View>
      {all.length > FILTER_FROM ? (
        <Input
          className='field mygrid__filter'
          placeholderClass='placeholder'
          placeholder='输入社区名称查找，例如 银泉'
          value={filter}
          onInput={(event) => setFilter(event.detail.value)}
        />
      ) : null}
      {shown.length === 0 ? <Notice kind='empty' title={`没有名称里带“${words}”的社区`} detail='请少输几个字再试试。' /> : null}
      {groups.map(([subdistrict, communities]) => (
        <View key={subdistrict} className='mygrid__group'>
          <Text className='mygrid__group-title'>{subdistrict}</Text>
          {communities.map((community) => (
            <Choice key={community.communityId} title={community.name} onPick={() => onPick(community.communityId)} />
          ))}
        </View>
      ))}
    </View>
  )
}

/** The server lists communities sub-district by sub-district; this keeps that order. */
function groupBySubdistrict(communities: DirectoryCommunity[]): Array<[string, DirectoryCommunity[]]> {
  const groups: Array<[string, DirectoryCommunity[]]> = []
  for (const community of communities) {
    const last = groups[groups.length - 1]
    if (last !== undefined && last[0] === community.subdistrict) last[1].push(community)
    else groups.push([community.subdistrict, [community]])
  }
  return groups
}
