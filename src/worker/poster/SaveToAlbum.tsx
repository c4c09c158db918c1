import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { BigButton } from '../../components/BigButton'
import { Notice } from '../../components/Notice'
import { album, type SaveOutcome } from '../../platform/album'

type Step = 'idle' | 'saving' | SaveOutcome | 'granted'

/**
 * 保存到相册 in the mini-program, asking for the album permission the way WeChat allows: the first save
 * makes WeChat ask; once refused, only WeChat's settings page can grant it, and that opens from a tap.
 * A browser cannot save from a button: it says how to keep the image instead.
 */
export function SaveToAlbum({ image }: { image: string }) {
  const [step, setStep] = useState<Step>('idle')
  if (!album.canSave) {
    return <Text className='poster-page__hint'>长按上面的评价码图片，可以保存到手机或转发给居民；在电脑上可以右键“图片另存为”。</Text>
  }
  const save = async () => {
    setStep('saving')
    setStep(await album.save(image))
  }
  return (
    <View className='poster-page__save'>
      <BigButton loading={step === 'saving'} onClick={() => void save()}>
        {step === 'saving' ? '正在保存…' : '保存到相册'}
      </BigButton>
      {step === 'saved' ? <Notice kind='success' title='已保存到相册' detail='可以打印出来张贴，或发到小区的微信群里。' /> : null}
      {step === 'failed' ? <Notice kind='error' title='没有保存成功' detail='请再点一次“保存到相册”。' /> : null}
      {step === 'privacy-refused' ? (
        <Notice kind='error' title='您没有同意隐私说明，图片没有保存' detail='保存到相册要先同意隐私说明。想保存时请再点一次“保存到相册”，在弹出的说明里点“同意并继续”。' />
      ) : null}
      {step === 'granted' ? <Notice kind='info' title='已允许保存到相册' detail='请再点一次“保存到相册”。' /> : null}
      {step === 'denied' ? (
        <Notice kind='error' title='没有相册权限，图片没有保存' detail='请在设置里打开“添加到相册”，再回来保存。'>
          <BigButton
            variant='secondary'
            onClick={() => {
              void album.openSettings().then((granted) => setStep(granted ? 'granted' : 'denied'))
            }}
          >
            去设置里打开
          </BigButton>
        </Notice>
      ) : null}
    </View>
  )
}
