import type { ScrollApi } from './scroll'

export const scroll: ScrollApi = {
  toFirst(selector) {
    // Taro's h5 pageScrollTo measures offsetTop against the nearest positioned parent, not the page:
    // the browser's own scrollIntoView finds the element wherever it sits. Centred, so the box above shows too.
    window.requestAnimationFrame(() => {
      document.querySelector(selector)?.scrollIntoView({ block: 'center', behavior: 'smooth' })
    })
  },
}
