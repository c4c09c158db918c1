import { Button } from '@tarojs/components'
import { device } from '../platform/device'
import './ServiceChat.css'

/**
 * 联系客服: WeChat's customer-service chat, opened by a button of open-type contact; the messages reach the
 * people added under 客服 in the mini-program's admin (mp.weixin.qq.com). A browser has no such chat, so
 * nothing is shown there.
 * https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/customer-message/customer-message.html
 */
export function ServiceChat() {
  if (!device.canContactService) return null
  return (
    <Button className='service-chat' openType='contact'>
      联系客服
    </Button>
  )
}
