import { areaOfGrid } from '../../core/org'
import { Text, View } from '@tarojs/components'
import { BigButton } from '../../components/BigButton'
import { Notice } from '../../components/Notice'
import { WorkerCard } from '../../components/WorkerCard'
import { useGridDirectory } from '../../hooks/catalog'
import { useMyGrid } from '../../hooks/myGrid'
import { openPage, routes } from '../../routes'
import './MyGridWorker.css'

/**
 * "My grid worker" on the home page: who serves the 小区 this phone remembers (pages/mygrid), each worker's
 * card with post, duties and households, and 评价这位社区工作者. Nothing picked yet: what to do about it.
 */
export function MyGridWorker() {
  const myGrid = useMyGrid()
  const { state, reload } = useGridDirectory(myGrid === null ? null : myGrid.communityId)
  const pickAgain = (communityId?: string) => openPage(routes.myGrid(communityId))

  if (myGrid === null) {
    return (
      <View className='panel my-grid my-grid--empty'>
        <Text className='my-grid__title'>谁在为我的小区服务</Text>
        <Text className='my-grid__lead'>选择您住的小区，看看谁在为您服务</Text>
        <BigButton variant='secondary' className='my-grid__pick' onClick={() => pickAgain()}>
          选择我住的小区
        </BigButton>
      </View>
    )
  }
  if (state.status === 'idle' || state.status === 'loading') {
    return (
      <View className='my-grid'>
        <Notice kind='loading' title='正在查找为您服务的社区工作者…' />
      </View>
    )
  }
  const grid = state.status === 'ok' ? state.data.grids.find((g) => g.gridId === myGrid.gridId) : undefined
  if (state.status === 'error' || grid === undefined) {
    const gone = state.status === 'ok' || state.error.code === 'NOT_FOUND'
    return (
      <View className='my-grid'>
        <Notice
          kind='error'
          title={gone ? '没有找到您选的小区' : '暂时查不到为您服务的工作者'}
          detail={gone ? '社区的小区名单可能有了变化，请重新选择。' : state.status === 'error' ? state.error.message : undefined}
        >
          {gone ? null : <BigButton onClick={() => reload()}>再试一次</BigButton>}
          <BigButton variant={gone ? 'primary' : 'secondary'} className='my-grid__pick' onClick={() => pickAgain()}>
            重新选择小区
          </BigButton>
        </Notice>
      </View>
    )
  }
  const community = state.status === 'ok' ? state.data.communities[0] : undefined
  return (
    <View className='my-grid'>
      <Text className='my-grid__title'>为您的小区服务</Text>
      <Text className='my-grid__where'>
        {community?.name ?? ''} · {areaOfGrid(grid.name)}
      </Text>
      {grid.workers.length === 0 ? (
        <Notice kind='empty' title='这个小区暂时还没有安排社区工作者' detail='有事可以先到社区居委会或服务大厅办理。' />
      ) : null}
      {grid.workers.map((card) => (
        <WorkerCard key={card.workerCode} card={card} place={false}>
          <BigButton variant='secondary' className='my-grid__rate' onClick={() => openPage(routes.rate(card.workerCode))}>
            评价这位社区工作者
          </BigButton>
        </WorkerCard>
      ))}
      <View className='my-grid__change' role='button' onClick={() => pickAgain(myGrid.communityId)}>
        <Text className='my-grid__change-text'>换一个小区</Text>
      </View>
    </View>
  )
}
