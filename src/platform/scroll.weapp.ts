import Taro from '@tarojs/taro'
import type { ScrollApi } from './scroll'

/** Room above the message, in px, for the box it is about (offsetTop needs base library 2.23.1; older ones ignore it). */
const ROOM_ABOVE = 120

export const scroll: ScrollApi = {
  toFirst(selector) {
    // After the render that shows the message has reached the view layer, or the selector finds nothing.
    Taro.nextTick(() => {
      Taro.pageScrollTo({ selector, offsetTop: -ROOM_ABOVE, duration: 300 }).catch(() => undefined)
    })
  },
}
