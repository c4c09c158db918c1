// Cloud storage (云存储) as a function sees it, for `cloud.uploadFile`, `cloud.downloadFile` and
// `cloud.getTempFileURL`: files by cloud path, with the file ID CloudBase answers
// (`cloud://<env>.<bucket>/<path>`) and temporary HTTPS links to them. The answers have wx-server-sdk
// 4.0.2's shapes (its src/api/cloud/provider/tcb/api/*.ts): downloadFile → { statusCode: 200, fileContent },
// a missing file rejecting with { errCode: -503003 (STORAGE_FILE_NONEXIST), errMsg }; getTempFileURL →
// { fileList: [{ fileID, status: 0, errMsg: 'ok', maxAge, tempFileURL }], requestId }, a missing file
// listed with its own non-zero status and an empty link; deleteFile → { fileList: [{ fileID, status: 0,
// errMsg: 'ok' }] }, a missing file listed with status -503003, more than 50 IDs rejecting (the documented
// limit). It does not go through the database seam;
// every instance of one emulated environment shares one storage.
import type { CloudbaseEmulator } from './emulator'

const FILE_ID_PREFIX = 'cloud://emulator-env.656d-emulator-env/'
const LINK_PREFIX = 'https://656d-emulator-env.tcb.qcloud.la/'

export interface TempFileLink {
  fileID: string
  status: number
  errMsg: string
  maxAge: number
  tempFileURL: string
}

export class CloudFileStorage {
  readonly files = new Map<string, Buffer>()

  /** A file as the mini-program's wx.cloud.uploadFile leaves it (the client side of an upload). */
  put(cloudPath: string, content: Buffer): string {
    return this.upload(cloudPath, content)
  }

  download(fileID: string): { statusCode: number; fileContent: Buffer } {
    const content = fileID.startsWith(FILE_ID_PREFIX) ? this.files.get(fileID.slice(FILE_ID_PREFIX.length)) : undefined
    if (content === undefined) throw { errCode: -503003, errMsg: `downloadFile:fail storage file not exists ${fileID}` }
    return { statusCode: 200, fileContent: Buffer.from(content) }
  }

  /** A file as the mini-program's wx.cloud.downloadFile reads it by file ID; undefined when there is none. */
  fileOf(fileID: string): Buffer | undefined {
    return fileID.startsWith(FILE_ID_PREFIX) ? this.files.get(fileID.slice(FILE_ID_PREFIX.length)) : undefined
  }

  tempFileURLs(fileList: ReadonlyArray<string | { fileID: string; maxAge?: number }>): { fileList: TempFileLink[]; requestId: string } {
    return {
      requestId: 'emulator-request',
      fileList: fileList.map((item) => {
        const { fileID, maxAge = 86400 } = typeof item === 'string' ? { fileID: item } : item
        const path = fileID.startsWith(FILE_ID_PREFIX) ? fileID.slice(FILE_ID_PREFIX.length) : null
        if (path === null || !this.files.has(path)) return { fileID, status: -503003, errMsg: 'storage file not exists', maxAge, tempFileURL: '' }
        return { fileID, status: 0, errMsg: 'ok', maxAge, tempFileURL: `${LINK_PREFIX}${encodeURI(path)}?sign=emulator&t=${maxAge}` }
      }),
    }
  }

  delete(fileList: readonly string[]): { fileList: Array<{ fileID: string; status: number; errMsg: string }>; requestId: string } {
    if (fileList.length > 50) throw Object.assign(new Error('deleteFile:fail at most 50 files a call'), { errCode: -501001 })
    return {
      requestId: 'emulator-request',
      fileList: fileList.map((fileID) => {
        const path = fileID.startsWith(FILE_ID_PREFIX) ? fileID.slice(FILE_ID_PREFIX.length) : null
        if (path === null || !this.files.delete(path)) return { fileID, status: -503003, errMsg: 'STORAGE_FILE_NONEXIST: storage file not exists' }
        return { fileID, status: 0, errMsg: 'ok' }
      }),
    }
  }

  upload(cloudPath: string, content: Buffer | Uint8Array): string {
    if (typeof cloudPath !== 'string' || cloudPath === '' || cloudPath.startsWith('/')) {
      throw Object.assign(new Error(`uploadFile:fail invalid cloudPath ${String(cloudPath)}`), { errCode: -503001 })
    }
    this.files.set(cloudPath, Buffer.from(content))
    return `${FILE_ID_PREFIX}${cloudPath}`
  }
}

const storages = new WeakMap<CloudbaseEmulator, CloudFileStorage>()

/** The storage of an emulated environment. */
export function storageOf(emulator: CloudbaseEmulator): CloudFileStorage {
  let storage = storages.get(emulator)
  if (storage === undefined) {
    storage = new CloudFileStorage()
    storages.set(emulator, storage)
  }
  return storage
}
