import { Button, Text, View } from '@tarojs/components'
import { openPage, routes } from '../routes'
import './PrivacyDialog.css'

/** The agree button's id: WeChat checks that this very button was tapped before the API goes on. */
export const AGREE_BUTTON_ID = 'privacy-agree'

interface PrivacyDialogProps {
  onAgree(buttonId: string): void
  onRefuse(): void
}

/**
 * WeChat's privacy agreement (trust rule 9), shown by the page's Screen only when WeChat asks for it
 * (onNeedPrivacyAuthorization) on the page in front: before the first use of a privacy API of WeChat's list
 * by someone who has not agreed yet — saving the poster to the album, picking a roster from a chat. Never in h5.
 */
export function PrivacyDialog({ onAgree, onRefuse }: PrivacyDialogProps) {
  return (
    <View className='privacy-dialog'>
      <View className='privacy-dialog__sheet'>
        <Text className='privacy-dialog__title'>使用前请您同意隐私说明</Text>
        <Text className='privacy-dialog__text'>
          把评价码保存到相册、从微信聊天里选择花名册文件，需要您先同意。我们只保存您的微信识别码和您给出的评价，不要您的姓名或位置；手机号只在您给出差评后自愿留下时保存，只用于社区回访；工作者看不到是谁评的。
        </Text>
        <View className='privacy-dialog__link' onClick={() => openPage(routes.privacy)}>
          <Text>查看完整的隐私说明 ›</Text>
        </View>
        <Button
          id={AGREE_BUTTON_ID}
          className='privacy-dialog__agree'
          openType='agreePrivacyAuthorization'
          onAgreePrivacyAuthorization={() => onAgree(AGREE_BUTTON_ID)}
        >
          同意并继续
        </Button>
        <View className='privacy-dialog__refuse' onClick={onRefuse}>
          <Text>拒绝</Text>
        </View>
      </View>
    </View>
  )
}
