// Files on the phone for the weapp tests (wx.chooseMessageFile, wx.cloud.uploadFile, wx.cloud.downloadFile,
// wx.downloadFile, wx.openDocument): the clerk picks a file from a WeChat chat (or cancels), the mini-program
// uploads it to cloud storage, where the backend's function `files` reads it; a file the backend wrote is
// downloaded by its file ID to a temp file and opened. wx.downloadFile fails as on a phone whose
// mini-program lists no downloadFile 合法域名 (this one lists none). Shapes as WeChat documents them.
import { answer, type Callbacks } from './album'

export interface ChatFilesState {
  /** What the user picks in the chat next; 'cancel': they close the picker. */
  next: { name: string; bytes: Buffer } | 'cancel'
  /** Files on the phone: chosen from a chat, or downloaded. */
  temp: Map<string, Buffer>
  /** The cloud paths uploaded (wx.cloud.uploadFile), in order. */
  uploads: string[]
  /** What wx.openDocument opened, in order. */
  opened: Array<{ filePath: string; fileType?: string; showMenu?: boolean; bytes: Buffer | undefined }>
  /** The file IDs of the backend's files that wx.cloud.downloadFile fetched, in order. */
  cloudDownloads: string[]
  /** The URLs the pages asked wx.downloadFile for, in order (each failed: no downloadFile 合法域名). */
  urlDownloads: string[]
}

export function newChatFilesState(): ChatFilesState {
  return { next: 'cancel', temp: new Map(), uploads: [], opened: [], cloudDownloads: [], urlDownloads: [] }
}

/** Cloud storage as the backend keeps it: uploads and the files it wrote, by file ID. */
export interface CloudFiles {
  uploads: Map<string, Buffer>
  written: Map<string, Buffer>
}

export function chatFilesApis(state: () => ChatFilesState, cloud: () => CloudFiles) {
  let temps = 0
  const keep = (bytes: Buffer, extension: string) => {
    const path = `wxfile://tmp_${++temps}${extension}`
    state().temp.set(path, bytes)
    return path
  }
  return {
    chooseMessageFile: (options: Callbacks & { count: number; type: string; extension?: string[] }) =>
      answer(options, () => {
        const next = state().next
        if (next === 'cancel') throw { errMsg: 'chooseMessageFile:fail cancel' }
        const path = keep(next.bytes, '.xlsx')
        return { tempFiles: [{ path, size: next.bytes.length, name: next.name, type: 'file', time: 0 }], errMsg: 'chooseMessageFile:ok' }
      }),
    cloudUploadFile: (options: Callbacks & { cloudPath: string; filePath: string }) =>
      answer(options, () => {
        const bytes = state().temp.get(options.filePath)
        if (bytes === undefined) throw { errMsg: `cloud.uploadFile:fail file not found ${options.filePath}` }
        state().uploads.push(options.cloudPath)
        const fileID = `cloud://weapp-env.7765-weapp-env/${options.cloudPath}`
        cloud().uploads.set(fileID, bytes)
        return { fileID, statusCode: 204, errMsg: 'cloud.uploadFile:ok' }
      }),
    downloadFile: (options: Callbacks & { url: string }) =>
      answer(options, () => {
        state().urlDownloads.push(options.url)
        throw { errMsg: `downloadFile:fail url not in domain list, ${options.url}` }
      }),
    /** wx.cloud.downloadFile of a file the backend wrote; null for any other file ID (a code image: album.ts). */
    cloudDownloadFile: (options: Callbacks & { fileID: string }) => {
      const bytes = cloud().written.get(options.fileID)
      if (bytes === undefined) return null
      return answer(options, () => {
        state().cloudDownloads.push(options.fileID)
        return { tempFilePath: keep(bytes, '.xlsx'), statusCode: 200, errMsg: 'cloud.downloadFile:ok' }
      })
    },
    openDocument: (options: Callbacks & { filePath: string; fileType?: string; showMenu?: boolean }) =>
      answer(options, () => {
        state().opened.push({ filePath: options.filePath, fileType: options.fileType, showMenu: options.showMenu, bytes: state().temp.get(options.filePath) })
        return { errMsg: 'openDocument:ok' }
      }),
  }
}
