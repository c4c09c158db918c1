// Files in cloud storage (云存储) for the spreadsheet actions: an uploaded roster is read with
// cloud.downloadFile (the mini-program uploaded it with wx.cloud.uploadFile and sends its file ID); a
// generated file is written with cloud.uploadFile and answered as its file ID, which the mini-program
// fetches with wx.cloud.downloadFile and opens with openDocument. Not a getTempFileURL link: a phone's
// downloadFile reaches only the domains listed as downloadFile 合法域名, and a tcb.qcloud.la link under a
// public-read rule never expires; a file ID is read under the storage rules (README: Cloud storage rules).
// An upload is its uploader's: the path it goes to was answered to them (issueUpload: their own folder,
// recorded in `uploads`), and read takes a file ID only in the reader's folder and only on a recorded
// path. Written files are recorded too; the api timer deletes both 24 hours on (backend/roster/uploadsCloudbase.ts).
import { randomBytes } from 'node:crypto'
import { ApiError } from '@core/errors'
import type { CloudUploads } from '@backend/roster/uploadsCloudbase'
import type { FileStorage } from '@backend/context'
import type { SecretKeeper } from '@backend/secrets/secrets'
import { uploaderFolderId } from '@backend/store/ids'
import { NOT_YOUR_UPLOAD_MESSAGE, newUploadPath, uploadPathOf } from '@backend/roster/uploadPaths'

/** The parts of wx-server-sdk's storage API this uses (shapes as in wx-server-sdk 4.0.2). */
export interface CloudStorageSdk {
  downloadFile(options: { fileID: string }): Promise<{ fileContent: Buffer; statusCode?: number }>
  uploadFile(options: { cloudPath: string; fileContent: Buffer | Uint8Array }): Promise<{ fileID: string }>
}

/** As the local runtime's POST /cloud/upload (server/localFiles.ts): far above any real roster. */
export const UPLOAD_BYTES_MAX = 5 * 1024 * 1024

const NOT_FOUND_MESSAGE = '没有找到上传的文件，请重新选择文件上传'
const EXPIRED_MESSAGE = '没有找到上传的文件（上传的文件保留 24 小时），请重新选择文件上传'

export function cloudFileStorage(cloud: CloudStorageSdk, uploads: CloudUploads, secrets: SecretKeeper, now: () => Date = () => new Date()): FileStorage {
  const folderOf = async (openid: string) => uploaderFolderId(openid, (await secrets.get()).idKey)
  return {
    async issueUpload(uploader) {
      const at = now()
      const { folder, name, path } = newUploadPath(await folderOf(uploader), at)
      await uploads.record(name, { uploader: folder, path, issuedAt: at.toISOString() })
      return path
    },
    async read(fileId, reader) {
      if (!fileId.startsWith('cloud://')) throw new ApiError('INVALID_INPUT', '文件编号格式不对，请重新上传')
      // Someone else's upload (or a path no one was given) is refused before a byte of it is read.
      const upload = uploadPathOf(fileId)
      if (upload === null || upload.folder !== (await folderOf(reader))) throw new ApiError('FORBIDDEN', NOT_YOUR_UPLOAD_MESSAGE)
      // Only a path answered to them counts: one they made up in their folder would pass the quota by.
      const recorded = await uploads.find(upload.name)
      if (recorded === null || recorded.path !== upload.path) throw new ApiError('NOT_FOUND', EXPIRED_MESSAGE)
      let bytes: Buffer
      try {
        bytes = (await cloud.downloadFile({ fileID: fileId })).fileContent
      } catch (error) {
        // -503003 STORAGE_FILE_NONEXIST; any other failure of a file the caller named reads the same to them.
        console.error('[files] downloadFile failed', error)
        throw new ApiError('NOT_FOUND', NOT_FOUND_MESSAGE)
      }
      // The local runtime's upload cap, held here too: no roster comes near it, and nothing larger is parsed.
      if (bytes.length > UPLOAD_BYTES_MAX) throw new ApiError('INVALID_INPUT', `文件过大：最多 ${UPLOAD_BYTES_MAX / 1024 / 1024} MB，请只上传花名册`)
      return bytes
    },
    async write(fileName, bytes) {
      const at = now()
      const day = at.toISOString().slice(0, 10)
      const extension = /\.[a-z0-9]+$/i.exec(fileName)?.[0] ?? ''
      const name = randomBytes(12).toString('hex')
      const cloudPath = `exports/${day}/${name}${extension}`
      const { fileID } = await cloud.uploadFile({ cloudPath, fileContent: bytes })
      await uploads.record(`export-${name}`, { uploader: '', path: cloudPath, fileId: fileID, issuedAt: at.toISOString() })
      return { fileId: fileID }
    },
  }
}
