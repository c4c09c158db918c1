import type { PrivacyApi } from './privacy'

type Resolve = (option: { event: 'agree' | 'disagree' | 'exposureAuthorization'; buttonId?: string }) => void
type Listen = (listener: (resolve: Resolve) => void) => void

/**
 * wx.onNeedPrivacyAuthorization, looked up when first needed (base library 2.32.3+; absent before, and then
 * WeChat shows nothing and the APIs simply run). Read from `wx` itself rather than Taro's copy, which Taro
 * makes only of the APIs present when it starts.
 */
function listenApi(): Listen | null {
  const wxApi = (globalThis as { wx?: { onNeedPrivacyAuthorization?: Listen } }).wx
  return typeof wxApi?.onNeedPrivacyAuthorization === 'function' ? wxApi.onNeedPrivacyAuthorization.bind(wxApi) : null
}

let registered = false
/** WeChat's question not answered yet (one at a time: a second one replaces the first). */
let pending: Resolve | null = null
const shows = new Set<() => void>()

function register(): void {
  if (registered) return
  const listen = listenApi()
  if (listen === null) return
  registered = true
  listen((resolve) => {
    pending = resolve
    // Tell WeChat our own agreement is on screen (it may count it as shown).
    if (shows.size > 0) resolve({ event: 'exposureAuthorization' })
    shows.forEach((show) => show())
  })
}

function answer(option: Parameters<Resolve>[0]): void {
  const resolve = pending
  pending = null
  resolve?.(option)
}

export const privacy: PrivacyApi = {
  supported: true,
  onRequest(show) {
    shows.add(show)
    register()
    if (pending !== null) show()
    return () => void shows.delete(show)
  },
  agree: (buttonId) => answer({ event: 'agree', buttonId }),
  disagree: () => answer({ event: 'disagree' }),
}
