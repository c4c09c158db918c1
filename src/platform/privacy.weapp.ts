import Taro from '@tarojs/taro'
import type { PrivacyApi, PrivacyHost } from './privacy'

type Answer = { event: 'agree' | 'disagree' | 'exposureAuthorization'; buttonId?: string }
type Resolve = (answer: Answer) => void
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

interface TaroNode {
  id?: string
  parentNode?: TaroNode | null
}

/**
 * The page in front is the last of getCurrentPages(); Taro renders each page under a root element whose id
 * is that page's $taroPath, so an element is on the front page when one of its ancestors carries that id.
 * A page further down the stack is covered by the front one: an agreement there would never be seen.
 */
function isOnFrontPage(element: unknown): boolean {
  const pages = Taro.getCurrentPages()
  const front = (pages[pages.length - 1] as { $taroPath?: string } | undefined)?.$taroPath
  if (!front) return false
  for (let node = element as TaroNode | null | undefined; node; node = node.parentNode) {
    if (node.id === front) return true
  }
  return false
}

let registered = false
/** The APIs waiting for an answer: one agreement answers them all, as WeChat records one agreement per user. */
let waiting: Resolve[] = []
/** Questions WeChat has not yet been told the agreement is on screen for (exposureAuthorization). */
let unexposed: Resolve[] = []
const hosts = new Set<PrivacyHost>()

/** Opens the agreement on the front page's host while a question waits, and closes it everywhere else. */
function publish(): void {
  let shown = false
  hosts.forEach((host) => {
    const open = waiting.length > 0 && isOnFrontPage(host.element())
    host.setOpen(open)
    shown ||= open
  })
  if (!shown) return
  const told = unexposed
  unexposed = []
  told.forEach((resolve) => resolve({ event: 'exposureAuthorization' }))
}

function register(): void {
  if (registered) return
  const listen = listenApi()
  if (listen === null) return
  registered = true
  listen((resolve) => {
    waiting.push(resolve)
    unexposed.push(resolve)
    publish()
  })
}

function answer(option: Answer): void {
  const answered = waiting
  waiting = []
  unexposed = []
  answered.forEach((resolve) => resolve(option))
  publish()
}

export const privacy: PrivacyApi = {
  supported: true,
  host(host) {
    hosts.add(host)
    register()
    publish()
    return () => {
      hosts.delete(host)
    }
  },
  refresh: publish,
  agree: (buttonId) => answer({ event: 'agree', buttonId }),
  disagree: () => answer({ event: 'disagree' }),
}
