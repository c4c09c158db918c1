import { Text, View } from '@tarojs/components'
import { openPage, routes } from '../routes'
import './PrivacyFooter.css'

/** The foot of the home page: the way to 隐私说明, a target of at least 60 px (DESIGN section 8). */
export function PrivacyFooter() {
  return (
    <View className='privacy-footer' onClick={() => openPage(routes.privacy)}>
      <Text>隐私说明：我们保存什么、谁能看到 ›</Text>
    </View>
  )
}
