import { Text, View } from '@tarojs/components'
import { BigButton } from '../../components/BigButton'
import { Notice } from '../../components/Notice'
import { useGridDirectory } from '../../hooks/catalog'
import { areaOfGrid } from '../../core/org'
import { Choice } from './Choice'

interface GridStepProps {
  communityId: string
  onPick: (gridId: string) => void
  onOtherCommunity: () => void
}

/** Step 2: which 小区 (grid) of the community, with how many households it has. */
export function GridStep({ communityId, onPick, onOtherCommunity }: GridStepProps) {
  const { state, reload } = useGridDirectory(communityId)
  const other = (
    <BigButton variant='secondary' className='mygrid__other' onClick={onOtherCommunity}>
      换一个社区
    </BigButton>
  )

  if (state.status === 'idle' || state.status === 'loading') return <Notice kind='loading' title='正在读取小区名单…' />
  if (state.status === 'error') {
    const missing = state.error.code === 'NOT_FOUND'
    return (
      <Notice kind='error' title={missing ? '没有找到这个社区' : '没能读取小区名单'} detail={missing ? '请重新选择您住的社区。' : state.error.message}>
        {missing ? null : <BigButton onClick={() => reload()}>再试一次</BigButton>}
        {other}
      </Notice>
    )
  }
  const community = state.data.communities[0]
  const grids = state.data.grids
  return (
    <View>
      <Text className='title'>您住在{community?.name ?? '这个社区'}的哪个小区？</Text>
      <Text className='lead'>点一下您住的小区。</Text>
      {grids.length === 0 ? <Notice kind='empty' title='这个社区还没有登记小区' detail='请换一个社区，或过些日子再来看看。' /> : null}
      <View className='mygrid__list'>
        {grids.map((grid) => (
          <Choice key={grid.gridId} title={areaOfGrid(grid.name)} detail={`${grid.households} 户居民`} onPick={() => onPick(grid.gridId)} />
        ))}
      </View>
      {other}
    </View>
  )
}
