import { Image, Text, View } from '@tarojs/components'
import { BigButton } from '../../components/BigButton'
import { Notice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { goHome } from '../../routes'
import { usePoster } from '../../hooks/visits'
import { SaveToAlbum } from './SaveToAlbum'
import './index.css'

/**
 * The worker's poster: who they are, their post and grid, and their own code, which residents
 * scan to rate them — to show on screen, or to save and print.
 */
export default function PosterPage() {
  const { sessionError, session, notWorker, card, code } = usePoster()

  if (sessionError !== null) {
    return (
      <Screen className='poster-page'>
        <Notice kind='error' title='没能确认您的身份' detail={sessionError.message} />
      </Screen>
    )
  }
  if (notWorker) {
    return (
      <Screen className='poster-page'>
        <Notice kind='info' title='评价码只对社区工作者开放' detail='社区工作者请先用社区发来的邀请码绑定微信。'>
          <BigButton variant='secondary' onClick={goHome}>回到首页</BigButton>
        </Notice>
      </Screen>
    )
  }
  const failed = card.state.status === 'error' ? card.state.error : code.state.status === 'error' ? code.state.error : null
  if (failed !== null) {
    return (
      <Screen className='poster-page'>
        <Notice kind='error' title='没能生成评价码' detail={failed.message}>
          <BigButton
            onClick={() => {
              card.reload()
              code.reload()
            }}
          >
            再试一次
          </BigButton>
        </Notice>
      </Screen>
    )
  }
  if (session === null || card.state.status !== 'ok' || code.state.status !== 'ok') {
    return (
      <Screen className='poster-page'>
        <Notice kind='loading' title='正在生成我的评价码…' />
      </Screen>
    )
  }

  const worker = card.state.data
  const image = code.state.data.image
  return (
    <Screen className='poster-page'>
      <View className='poster'>
        <Text className='poster__org'>{worker.community} · 社区工作者</Text>
        <Text className='poster__name'>{worker.name}</Text>
        <Text className='poster__post'>{worker.post}</Text>
        <Text className='poster__grid'>
          负责 {worker.grid} · {worker.households} 户
        </Text>
        {/* Square, drawn to fill its square box; a long press offers WeChat's save and scan menu. */}
        <Image className='poster__code' src={image} showMenuByLongpress />
        <Text className='poster__call'>扫码评价我的服务</Text>
        <Text className='poster__note'>用微信扫一扫 · 评价不记名</Text>
      </View>
      <SaveToAlbum image={image} />
    </Screen>
  )
}
