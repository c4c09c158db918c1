import Taro from '@tarojs/taro'
import type { SubscribeApi } from './subscribe'

const templateId = process.env.TARO_APP_SUBSCRIBE_TEMPLATE_ID ?? ''

export const subscribe: SubscribeApi = {
  supported: templateId !== '',
  async askForRectificationNotice() {
    if (templateId === '') return false
    try {
      const result = (await Taro.requestSubscribeMessage({ tmplIds: [templateId] } as Parameters<typeof Taro.requestSubscribeMessage>[0])) as unknown as Record<string, string>
      return result[templateId] === 'accept'
    } catch {
      return false
    }
  },
}
