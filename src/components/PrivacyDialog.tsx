import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { openPage, routes } from '../routes'
import { privacy } from '../platform/privacy'
import './PrivacyDialog.css'

/** The agree button's id: WeChat checks that this very button was tapped before the API goes on. */
export const AGREE_BUTTON_ID = 'privacy-agree'

/**
 * WeChat's privacy agreement (trust rule 9), shown only when WeChat asks for it (onNeedPrivacyAuthorization)
 * — in the mini-program, before the first 扫一扫 of someone who has not agreed yet; never in h5. Put it on
 * every page that calls a private API (scanCode, requestSubscribeMessage, chooseMessageFile).
 */
export function PrivacyDialog() {
  const [open, setOpen] = useState(false)
  useEffect(() => privacy.onRequest(() => setOpen(true)), [])
  if (!open) return null

  const agree = () => {
    privacy.agree(AGREE_BUTTON_ID)
    setOpen(false)
  }
  const refuse = () => {
    privacy.disagree()
    setOpen(false)
  }

  return (
    <View className='privacy-dialog'>
      <View className='privacy-dialog__sheet'>
        <Text className='privacy-dialog__title'>使用前请您同意隐私说明</Text>
        <Text className='privacy-dialog__text'>
          扫一扫、接收回访通知等功能需要您先同意。我们只保存您的微信识别码和您给出的评价，不要您的姓名或位置；手机号只在您自愿留下时保存；工作者看不到是谁评的。
        </Text>
        <View className='privacy-dialog__link' onClick={() => openPage(routes.privacy)}>
          <Text>查看完整的隐私说明 ›</Text>
        </View>
        <Button
          id={AGREE_BUTTON_ID}
          className='privacy-dialog__agree'
          openType='agreePrivacyAuthorization'
          onAgreePrivacyAuthorization={agree}
        >
          同意并继续
        </Button>
        <View className='privacy-dialog__refuse' onClick={refuse}>
          <Text>拒绝</Text>
        </View>
      </View>
    </View>
  )
}
