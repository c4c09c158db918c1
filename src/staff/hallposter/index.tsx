import { useRouter } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { HALL_HOURS_TEXT } from '../../core/hallHours'
import { BigButton } from '../../components/BigButton'
import { Notice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { useHallCode } from '../../hooks/hall'
import { useSession } from '../../hooks/useSession'
import { decodeOption, goHome } from '../../routes'
import { SaveToAlbum } from '../../worker/poster/SaveToAlbum'
import '../../worker/poster/index.css'
import './index.css'

/**
 * The poster for the hall's counter (综合窗口): the community's name, the hall's own code and what to do
 * with it, to print and put up at the window; the person served scans it and rates who served them. As
 * the worker's poster: shown on screen, or saved to the album and printed.
 */
export default function HallPosterPage() {
  const { params } = useRouter()
  const { session, error: sessionError, reload: reloadSession, may } = useSession()
  const allowed = may('hall.qrcode')
  const communityId = session?.role === 'community' ? undefined : (decodeOption(params.communityId) ?? undefined)
  const code = useHallCode(allowed, communityId)

  if (sessionError !== null) {
    return (
      <Screen className='poster-page'>
        <Notice kind='error' title='没能确认您的身份' detail={sessionError.message}>
          <BigButton onClick={() => reloadSession()}>再试一次</BigButton>
        </Notice>
      </Screen>
    )
  }
  if (session !== null && !allowed) {
    return (
      <Screen className='poster-page'>
        <Notice kind='info' title='大厅评价码只对社区、街道和市民政局的工作人员开放' detail='来办事的居民请直接扫服务窗口上张贴的评价码。'>
          <BigButton variant='secondary' onClick={goHome}>回到首页</BigButton>
        </Notice>
      </Screen>
    )
  }
  if (code.state.status === 'error') {
    return (
      <Screen className='poster-page'>
        <Notice kind='error' title='没能生成大厅评价码' detail={code.state.error.message}>
          <BigButton onClick={() => code.reload()}>再试一次</BigButton>
        </Notice>
      </Screen>
    )
  }
  if (code.state.status !== 'ok') {
    return (
      <Screen className='poster-page'>
        <Notice kind='loading' title='正在生成大厅评价码…' />
      </Screen>
    )
  }

  const { communityName, image } = code.state.data
  return (
    <Screen className='poster-page'>
      <View className='poster hall-poster'>
        <Text className='poster__org'>{communityName}</Text>
        <Text className='poster__name'>便民服务大厅</Text>
        <Text className='poster__post'>综合窗口 · 一窗受理</Text>
        {/* Square, drawn to fill its square box; a long press offers WeChat's save and scan menu. */}
        <Image className='poster__code' src={image} showMenuByLongpress />
        <Text className='poster__call'>扫码评价窗口服务</Text>
        <Text className='hall-poster__how'>点选为您办事的工作人员，说说满不满意</Text>
        <Text className='poster__note'>用微信扫一扫 · 评价不记名</Text>
        <Text className='poster__note'>服务时间：{HALL_HOURS_TEXT}</Text>
      </View>
      <SaveToAlbum image={image} />
    </Screen>
  )
}
