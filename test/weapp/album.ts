// The phone's album as WeChat guards it, for the weapp tests (wx.getSetting, wx.saveImageToPhotosAlbum,
// wx.openSetting, wx.getImageInfo, wx.cloud.downloadFile): saving asks for scope.writePhotosAlbum the first
// time; once refused, WeChat fails at once without asking, until the user turns it on in openSetting.

export interface AlbumState {
  /** scope.writePhotosAlbum as wx.getSetting reports it; undefined: never asked. */
  permission: boolean | undefined
  /** What the user taps when WeChat asks for the permission. */
  answer: 'allow' | 'deny'
  /** What the user leaves the permission at in WeChat's settings page (wx.openSetting). */
  settingsAnswer: boolean
  /** The files saved to the album, in order. */
  saved: string[]
  /** The cloud file IDs downloaded (wx.cloud.downloadFile). */
  downloads: string[]
}

export function newAlbumState(): AlbumState {
  return { permission: undefined, answer: 'allow', settingsAnswer: true, saved: [], downloads: [] }
}

export interface Callbacks {
  success?: (res: object) => void
  fail?: (res: object) => void
  complete?: (res: object) => void
}

const SCOPE = 'scope.writePhotosAlbum'

/** Answers a WeChat API a macrotask later, through its callbacks, or as a promise when it has none. */
export function answer<T extends object>(options: Callbacks, run: () => T): Promise<T> | undefined {
  const result = new Promise<T>((resolve, reject) => setTimeout(() => {
    try {
      resolve(run())
    } catch (failure) {
      reject(failure)
    }
  }, 0))
  if (!options.success && !options.fail && !options.complete) return result
  result.then(
    (res) => (options.success?.(res), options.complete?.(res)),
    (res: object) => (options.fail?.(res), options.complete?.(res)),
  )
  return undefined
}

export function albumApis(state: () => AlbumState) {
  const authSetting = () => (state().permission === undefined ? {} : { [SCOPE]: state().permission })
  return {
    getSetting: (options: Callbacks) => answer(options, () => ({ authSetting: authSetting(), errMsg: 'getSetting:ok' })),
    openSetting: (options: Callbacks) =>
      answer(options, () => {
        state().permission = state().settingsAnswer
        return { authSetting: authSetting(), errMsg: 'openSetting:ok' }
      }),
    saveImageToPhotosAlbum: (options: Callbacks & { filePath: string }) =>
      answer(options, () => {
        const album = state()
        if (album.permission === undefined) album.permission = album.answer === 'allow'
        if (!album.permission) throw { errMsg: 'saveImageToPhotosAlbum:fail auth deny' }
        album.saved.push(options.filePath)
        return { errMsg: 'saveImageToPhotosAlbum:ok' }
      }),
    getImageInfo: (options: Callbacks & { src: string }) => answer(options, () => ({ path: `wxfile://tmp/image-info.png`, width: 430, height: 430, errMsg: 'getImageInfo:ok' })),
    cloudDownloadFile: (options: Callbacks & { fileID: string }) =>
      answer(options, () => {
        state().downloads.push(options.fileID)
        return { tempFilePath: `wxfile://tmp/${options.fileID.split('/').pop() ?? 'file'}`, statusCode: 200, errMsg: 'downloadFile:ok' }
      }),
  }
}
