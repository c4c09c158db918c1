// The weapp build, rendered by WeChat's own template compiler and run against the real handlers:
//
//   const world = await createWorld()                       // demo organisation and activity
//   const page = await world.openPage('pages/rate/index', { scene: encodeURIComponent('YQ01') }, { openid: 'o-1' })
//   await page.waitForText('刘建华')
//   await page.tap('非常满意'); await page.input({ selector: '.rating-form__comment' }, '谢谢')
//
// One world at a time per test file; `await world.close()` in afterEach. See environment.ts for how the build runs,
// backend.ts for the cloud side and page.ts for queries and events.
import { type AlbumState, newAlbumState } from './album'
import { type ChatFilesState, newChatFilesState } from './chatFiles'
import { type Backend, type BackendOptions, createBackend } from './backend'
import { type Navigation, type ScanOutcome, weappEnvironment } from './environment'
import { newPrivacyState, privacyGuard, type PrivacyState } from './privacy'
import { WeappPage } from './page'

export { WeappPage } from './page'
export type { CloudCall } from './backend'

export interface OpenOptions {
  /** The WeChat user of the device: what the cloud's getWXContext().OPENID is for this page's calls. */
  openid?: string
}

export interface WeappWorld {
  backend: Backend
  store: Backend['store']
  /** Every navigation the pages asked WeChat for since the world was created. */
  navigations: Navigation[]
  /** The numbers the pages asked WeChat to call since the world was created. */
  phoneCalls: string[]
  /** Opens a page as WeChat would (onLoad(options), onShow, onReady) and waits for its first render. */
  openPage(route: string, options?: Record<string, string>, open?: OpenOptions): Promise<WeappPage>
  /** Opens the page a navigation (e.g. a tap on 查看评价结果) asked for, with its query as options. */
  follow(navigation: Navigation, open?: OpenOptions): Promise<WeappPage>
  /** The calls of one action, with their replies. */
  callsOf(action: string): Backend['calls']
  /**
   * Before asserting that something is NOT shown: waits until no call is in flight and the page's text
   * has stopped changing (the same over several polls), so an answer still on its way cannot be missed.
   */
  settled(page: WeappPage): Promise<void>
  /** WeChat's font size setting, for the pages opened after this. */
  setFontSizeScaleFactor(factor: number): void
  /** What wx.scanCode reads next (a cancel until told otherwise). */
  setScan(outcome: ScanOutcome): void
  /** The device's local storage (wx.setStorageSync), empty in a new world. */
  storage: Map<string, unknown>
  /** The phone's album and its permission (album.ts), never asked in a new world. */
  album: AlbumState
  /** Files picked from a chat, uploaded, downloaded and opened (chatFiles.ts); the chat offers nothing in a new world. */
  chatFiles: ChatFilesState
  /** WeChat's privacy authorisation (privacy.ts): agreed before in a new world. */
  privacy: PrivacyState
  /**
   * What a privacy API does first (or wx.requirePrivacyAuthorize): asks the mini-program for the agreement
   * unless the user agreed before; 'agreed', or 'refused' when WeChat would fail the API.
   */
  askPrivacy(api: string): Promise<'agreed' | 'refused'>
  close(): Promise<void>
}

/** Somebody who never bound an identity: a resident. */
export const RESIDENT_OPENID = 'weapp-resident-1'

/** Polls (5 ms apart) a page's text must stay the same to count as settled. */
const STABLE_POLLS = 4

let lastOpenAt = 0

export async function createWorld(options: BackendOptions = {}): Promise<WeappWorld> {
  const env = weappEnvironment()
  const backend = await createBackend(options)
  env.backend = backend
  env.navigations.length = 0
  env.phoneCalls.length = 0
  env.fontSizeScaleFactor = 1
  env.scan = 'cancel'
  env.storage.clear()
  env.album = newAlbumState()
  env.chatFiles = newChatFilesState()
  env.privacy = newPrivacyState()
  const open = new Set<WeappPage>()

  const world: WeappWorld = {
    backend,
    store: backend.store,
    navigations: env.navigations,
    phoneCalls: env.phoneCalls,
    async openPage(route, options = {}, { openid = RESIDENT_OPENID } = {}) {
      const path = route.replace(/^\//, '')
      backend.openid = openid
      // Taro keys a page instance by its path and Date.now(): two opens in one millisecond would collide.
      while (Date.now() <= lastOpenAt) await new Promise((resolve) => setTimeout(resolve, 1))
      lastOpenAt = Date.now()
      const component = env.mount(path, options)
      const page: WeappPage = new WeappPage(
        path,
        component,
        () => {
          if (!open.delete(page)) return
          env.unmount(component)
        },
        (buttonId) => env.privacy.agreeTaps.push(buttonId),
      )
      open.add(page)
      // Taro's first render arrives through setData; a page that renders nothing fails here.
      await page.waitFor(() => page.text() !== '', 'a first render with any text')
      return page
    },
    follow(navigation, openOptions) {
      // WeChat hands onLoad the query values as they were written, still URI-encoded.
      const [route, query = ''] = navigation.url.split('?')
      const options = Object.fromEntries(query.split('&').filter(Boolean).map((pair) => [pair.split('=')[0], pair.slice(pair.indexOf('=') + 1)]))
      return world.openPage(route, options, openOptions)
    },
    callsOf: (action) => backend.calls.filter((call) => call.action === action),
    async settled(page) {
      let last = ''
      let same = 0
      await page.waitFor(() => {
        const text = page.text()
        same = backend.inFlight() === 0 && text === last ? same + 1 : 0
        last = text
        return same >= STABLE_POLLS
      }, 'no call in flight and a text that stopped changing')
    },
    setFontSizeScaleFactor(factor) {
      env.fontSizeScaleFactor = factor
    },
    storage: env.storage,
    get album() {
      return env.album
    },
    get chatFiles() {
      return env.chatFiles
    },
    get privacy() {
      return env.privacy
    },
    askPrivacy: (api) =>
      privacyGuard(() => env.privacy, () => env.privacyListener)(api).then(
        () => 'agreed' as const,
        () => 'refused' as const,
      ),
    setScan(outcome) {
      env.scan = outcome
    },
    async close() {
      for (const page of [...open]) page.close()
      await backend.close()
      if (env.backend === backend) env.backend = null
    },
  }
  return world
}
