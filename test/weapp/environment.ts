// The WeChat side of the weapp tests, built once per test file (jest gives each file its own globals
// and module registry): jsdom's DOM, a `wx` object, the `App`/`Page`/`getApp`/`getCurrentPages` globals
// miniprogram-simulate does not have, then the weapp build itself (dist/app.js and the chunks it
// requires), launched. Pages are compiled by WeChat's own wcc (`compiler: 'official'`) and rendered by
// j-component on exparser (DESIGN section 7). Order matters: the DOM and `wx` must exist before
// miniprogram-simulate is required, and both before dist/app.js.
import { accessSync, chmodSync, constants, existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { type AlbumState, albumApis, newAlbumState } from './album'
import type { Backend, CallFunctionOptions } from './backend'
import { type ChatFilesState, chatFilesApis, newChatFilesState } from './chatFiles'
import { guarded, newPrivacyState, privacyGuard, type PrivacyListener, type PrivacyState } from './privacy'

export const DIST = path.resolve(__dirname, '../../dist')

/** What miniprogram-simulate's render returns (j-component's RootComponent), as far as we use it. */
export interface RenderedComponent {
  dom: HTMLElement
  instance: Record<string, unknown> & { setData(data: object): void }
  attach(parent: Element): void
  detach(): void
  dispatchEvent(name: string, options?: { detail?: unknown }): void
}

interface Simulate {
  load(componentPath: string, options: { compiler: 'official'; rootPath: string }): string
  render(id: string): RenderedComponent
}

/** A page about to be attached: what WeChat would pass to its onLoad. */
interface Opening {
  route: string
  options: Record<string, string>
}

export interface Navigation {
  kind: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'switchTab' | 'navigateBack'
  /** The url as the page asked for it, without the `__key_` Taro adds. */
  url: string
}

/** What WeChat's scanner reads next: a code's text (and, for a mini-program code, the page path), or a cancel. */
export type ScanOutcome = { result: string; path?: string } | 'cancel'

export interface WeappEnvironment {
  /** Where wx.cloud.callFunction goes. */
  backend: Backend | null
  /** Every navigation the pages asked WeChat for, in order. */
  navigations: Navigation[]
  /** The numbers the pages asked WeChat to call (wx.makePhoneCall), in order; none is dialled. */
  phoneCalls: string[]
  /** WeChat's font size setting (getAppBaseInfo().fontSizeScaleFactor). */
  fontSizeScaleFactor: number
  scan: ScanOutcome
  /** The device's local storage (wx.getStorageSync / setStorageSync / removeStorageSync). */
  storage: Map<string, unknown>
  /** The phone's album and its permission (album.ts). */
  album: AlbumState
  /** Files picked from a chat, uploaded, downloaded and opened (chatFiles.ts). */
  chatFiles: ChatFilesState
  /** WeChat's privacy authorisation (privacy.ts). */
  privacy: PrivacyState
  /** What the mini-program registered with wx.onNeedPrivacyAuthorization: once per test file, as the app loads once. */
  privacyListener: PrivacyListener | null
  /** The page route's component id; a page's chunk runs once per test file, so it is loaded once. */
  pageComponent(route: string): string
  /** Renders and attaches a page; its attached lifetime runs onLoad(options), onShow, onReady. */
  mount(route: string, options: Record<string, string>): RenderedComponent
  unmount(page: RenderedComponent): void
}

let environment: WeappEnvironment | null = null

export function weappEnvironment(): WeappEnvironment {
  environment ??= install()
  return environment
}

type Globals = Record<string, unknown>

function install(): WeappEnvironment {
  if (!existsSync(path.join(DIST, 'app.js'))) throw new Error(`${DIST}/app.js is missing: run npm run build:weapp first`)
  const g = globalThis as unknown as Globals
  installDom(g)
  const loadedPages = new Map<string, string>()
  const env: WeappEnvironment = {
    backend: null,
    navigations: [],
    phoneCalls: [],
    fontSizeScaleFactor: 1,
    scan: 'cancel',
    storage: new Map(),
    album: newAlbumState(),
    chatFiles: newChatFilesState(),
    privacy: newPrivacyState(),
    privacyListener: null,
    pageComponent: (route) => loadedPages.get(route) ?? loadPage(route),
    mount,
    unmount,
  }
  g.wx = wxObject(env)
  ensureWccExecutable()
  const simulate = require('miniprogram-simulate') as Simulate

  // miniprogram-simulate has no Page(): hand Taro's page config to Component() as its methods, and
  // play WeChat's part in opening a page from the attached lifetime.
  let opening: Opening | null = null
  const stack: object[] = []
  const componentOf = g.Component as (definition: object) => void
  g.Page = (config: Record<string, unknown>) => {
    const methods: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(config)) if (typeof value === 'function') methods[key] = value
    componentOf({
      data: config.data,
      methods,
      lifetimes: {
        attached(this: PageInstance) {
          if (opening === null) throw new Error('a page was attached outside mount()')
          this.route = this.__route__ = opening.route
          stack.push(this)
          this.onLoad({ ...opening.options })
          this.onShow()
          this.onReady()
        },
        detached(this: PageInstance) {
          const at = stack.indexOf(this)
          if (at >= 0) stack.splice(at, 1)
        },
      },
    })
  }
  let app: AppInstance | null = null
  g.App = (config: AppInstance) => {
    app = config
  }
  g.getApp = () => app
  g.getCurrentPages = () => [...stack]

  require(path.join(DIST, 'app.js'))
  if (app === null) throw new Error('dist/app.js did not call App()')
  const launched: AppInstance = app
  launched.onLaunch({ path: 'pages/index/index', query: {}, scene: 1001 })
  launched.onShow?.({ path: 'pages/index/index', query: {}, scene: 1001 })

  function loadPage(route: string): string {
    const id = simulate.load(path.join(DIST, route), { compiler: 'official', rootPath: DIST })
    loadedPages.set(route, id)
    return id
  }

  function mount(route: string, options: Record<string, string>): RenderedComponent {
    const page = simulate.render(env.pageComponent(route))
    opening = { route, options }
    try {
      page.attach(document.createElement('parent-wrapper'))
    } finally {
      opening = null
    }
    return page
  }

  function unmount(page: RenderedComponent): void {
    const instance = page.instance as unknown as PageInstance
    instance.onUnload()
    page.detach()
  }
  return env
}

interface PageInstance {
  route: string
  __route__: string
  onLoad(options: Record<string, string>): void
  onShow(): void
  onReady(): void
  onUnload(): void
}

interface AppInstance {
  onLaunch(options: object): void
  onShow?(options: object): void
}

/** jsdom's window and the DOM classes exparser and j-component use, as globals. */
function installDom(g: Globals): void {
  const { JSDOM } = require('jsdom') as { JSDOM: new (html: string, options: object) => { window: Window & typeof globalThis } }
  const { window } = new JSDOM('<!doctype html><html><head></head><body></body></html>', { pretendToBeVisual: true })
  g.window = window
  g.document = window.document
  Object.defineProperty(g, 'navigator', { value: window.navigator, configurable: true })
  const names = ['Node', 'Element', 'HTMLElement', 'Event', 'CustomEvent', 'TouchEvent', 'MutationObserver', 'getComputedStyle']
  for (const name of names) g[name] = (window as unknown as Globals)[name]
  g.requestAnimationFrame = window.requestAnimationFrame.bind(window)
  g.cancelAnimationFrame = window.cancelAnimationFrame.bind(window)
}

/** The wx APIs the pages and Taro's runtime use; navigations are recorded, not performed. */
function wxObject(env: WeappEnvironment): object {
  const ok = (name: string) => ({ errMsg: `${name}:ok` })
  const navigate = (kind: Navigation['kind']) => (options: { url?: string; success?: (res: object) => void; complete?: (res: object) => void }) => {
    env.navigations.push({ kind, url: (options.url ?? '').replace(/[?&]__key_=[^&]*/, '') })
    setTimeout(() => {
      options.success?.(ok(kind))
      options.complete?.(ok(kind))
    }, 0)
  }
  const screen = { windowWidth: 375, windowHeight: 667, screenWidth: 375, screenHeight: 667, pixelRatio: 2, statusBarHeight: 20 }
  const device = { platform: 'devtools', system: 'iOS 17.0', brand: 'devtools', model: 'iPhone 13' }
  const base = () => ({ SDKVersion: '3.7.0', version: '8.0.50', language: 'zh_CN', theme: 'light', fontSizeScaleFactor: env.fontSizeScaleFactor })
  const { cloudDownloadFile, ...album } = albumApis(() => env.album)
  const cloudFiles = () => {
    if (env.backend === null) throw new Error('cloud storage: no backend; open pages through the harness')
    return env.backend.cloudFiles
  }
  const { cloudUploadFile, cloudDownloadFile: downloadWritten, ...chatFiles } = chatFilesApis(() => env.chatFiles, cloudFiles)
  // The privacy APIs of WeChat's list that the pages call wait for the privacy agreement.
  const guard = privacyGuard(() => env.privacy, () => env.privacyListener)
  return {
    ...album,
    ...chatFiles,
    saveImageToPhotosAlbum: guarded(guard, 'saveImageToPhotosAlbum', album.saveImageToPhotosAlbum),
    chooseMessageFile: guarded(guard, 'chooseMessageFile', chatFiles.chooseMessageFile),
    onNeedPrivacyAuthorization(listener: PrivacyListener) {
      env.privacyListener = listener
    },
    cloud: {
      init: () => undefined,
      // A file the backend wrote (an export), else a code image (album.ts).
      downloadFile: (options: Parameters<typeof cloudDownloadFile>[0]) => {
        const written = downloadWritten(options)
        return written === null ? cloudDownloadFile(options) : written
      },
      uploadFile: cloudUploadFile,
      callFunction(options: CallFunctionOptions) {
        if (env.backend === null) throw new Error('wx.cloud.callFunction: no backend; open pages through the harness')
        return env.backend.callFunction(options)
      },
    },
    getSystemInfoSync: () => ({ ...screen, ...device, ...base() }),
    getWindowInfo: () => screen,
    getDeviceInfo: () => device,
    getAppBaseInfo: base,
    canIUse: () => true,
    // WeChat answers '' for a key it does not hold.
    getStorageSync: (key: string) => (env.storage.has(key) ? env.storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void env.storage.set(key, value),
    removeStorageSync: (key: string) => void env.storage.delete(key),
    navigateTo: navigate('navigateTo'),
    redirectTo: navigate('redirectTo'),
    reLaunch: navigate('reLaunch'),
    switchTab: navigate('switchTab'),
    navigateBack: navigate('navigateBack'),
    makePhoneCall(options: { phoneNumber: string; success?: (res: object) => void; complete?: (res: object) => void }) {
      env.phoneCalls.push(options.phoneNumber)
      setTimeout(() => {
        options.success?.(ok('makePhoneCall'))
        options.complete?.(ok('makePhoneCall'))
      }, 0)
    },
    pageScrollTo: (options: { success?: (res: object) => void }) => setTimeout(() => options.success?.(ok('pageScrollTo')), 0),
    scanCode(options: { success?: (res: object) => void; fail?: (res: object) => void }) {
      const scan = env.scan
      setTimeout(() => {
        if (scan === 'cancel') options.fail?.({ errMsg: 'scanCode:fail cancel' })
        else options.success?.({ scanType: scan.path ? 'WX_CODE' : 'QR_CODE', charSet: 'utf-8', rawData: '', ...scan, ...ok('scanCode') })
      }, 0)
    },
  }
}

/**
 * WeChat's wcc is a native binary inside miniprogram-compiler; an install may leave it without its exec
 * bit. Give it one (miniprogram-compiler tries too, silently), or say how to.
 */
function ensureWccExecutable(): void {
  const simulateDir = path.dirname(require.resolve('miniprogram-simulate/package.json'))
  const compilerDir = path.dirname(require.resolve('miniprogram-compiler/package.json', { paths: [simulateDir] }))
  const binary = { darwin: 'bin/mac/wcc', linux: 'bin/linux/wcc', win32: 'bin/windows/wcc.exe' }[process.platform as string]
  if (binary === undefined) throw new Error(`WeChat's wcc has no build for ${process.platform}`)
  const wcc = path.join(compilerDir, binary)
  if (process.platform === 'win32') return
  try {
    accessSync(wcc, constants.X_OK)
  } catch {
    try {
      chmodSync(wcc, statSync(wcc).mode | 0o111)
    } catch (err) {
      throw new Error(`WeChat's wcc is not executable and could not be made so (${String(err)}): chmod +x ${wcc}`)
    }
  }
}
