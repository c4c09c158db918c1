import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { Screen } from '../../components/Screen'
import { saveMyGrid } from '../../hooks/myGrid'
import { decodeOption, goHome } from '../../routes'
import { CommunityStep } from './CommunityStep'
import { GridStep } from './GridStep'
import './index.css'

/**
 * "My grid worker": a resident picks their community, then their 小区, once; the choice stays on this
 * phone and the home page shows who serves that grid. One decision per screen (DESIGN section 8).
 * Opened with `communityId` (换一个小区 on the home page) it starts at that community's 小区.
 */
export default function MyGridPage() {
  const { params } = useRouter()
  const [communityId, setCommunityId] = useState<string | null>(() => decodeOption(params.communityId))

  return (
    <Screen className='mygrid'>
      {communityId === null ? (
        <>
          <Text className='title'>您住在哪个社区？</Text>
          <Text className='lead'>选好后，首页就会显示为您的小区服务的社区工作者。这个选择只保存在您的手机上。</Text>
          <CommunityStep onPick={setCommunityId} />
        </>
      ) : (
        <GridStep
          communityId={communityId}
          onOtherCommunity={() => setCommunityId(null)}
          onPick={(gridId) => {
            saveMyGrid({ communityId, gridId })
            goHome()
          }}
        />
      )}
    </Screen>
  )
}
