// Files in cloud storage (云存储) for the spreadsheet actions: an uploaded roster is read with
// cloud.downloadFile (the mini-program uploaded it with wx.cloud.uploadFile and sends its file ID); a
// generated file is written with cloud.uploadFile and answered as a temporary HTTPS link
// (cloud.getTempFileURL), which Taro.downloadFile can fetch and Taro.openDocument open.
import { randomBytes } from 'node:crypto'
import { ApiError } from '../../../src/core/errors'
import type { FileStorage } from '../../api/src/context'

/** How long a download link works: long enough to open and forward the file, short enough not to linger. */
export const LINK_SECONDS = 2 * 60 * 60

/** The parts of wx-server-sdk's storage API this uses (shapes as in wx-server-sdk 4.0.2). */
export interface CloudStorageSdk {
  downloadFile(options: { fileID: string }): Promise<{ fileContent: Buffer; statusCode?: number }>
  uploadFile(options: { cloudPath: string; fileContent: Buffer | Uint8Array }): Promise<{ fileID: string }>
  getTempFileURL(options: { fileList: Array<string | { fileID: string; maxAge: number }> }): Promise<{
    fileList: Array<{ fileID: string; tempFileURL: string; status: number; errMsg?: string }>
  }>
}

const NOT_FOUND_MESSAGE = '没有找到上传的文件，请重新选择文件上传'

export function cloudFileStorage(cloud: CloudStorageSdk, now: () => Date = () => new Date()): FileStorage {
  return {
    async read(fileId) {
      if (!fileId.startsWith('cloud://')) throw new ApiError('INVALID_INPUT', '文件编号格式不对，请重新上传')
      try {
        return (await cloud.downloadFile({ fileID: fileId })).fileContent
      } catch (error) {
        // -503003 STORAGE_FILE_NONEXIST; any other failure of a file the caller named reads the same to them.
        console.error('[files] downloadFile failed', error)
        throw new ApiError('NOT_FOUND', NOT_FOUND_MESSAGE)
      }
    },
    async write(fileName, bytes) {
      const day = now().toISOString().slice(0, 10)
      const extension = /\.[a-z0-9]+$/i.exec(fileName)?.[0] ?? ''
      const { fileID } = await cloud.uploadFile({ cloudPath: `exports/${day}/${randomBytes(12).toString('hex')}${extension}`, fileContent: bytes })
      const { fileList } = await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: LINK_SECONDS }] })
      const link = fileList[0]
      if (link === undefined || link.status !== 0 || link.tempFileURL === '') throw new Error(`getTempFileURL failed for ${fileID}: ${link?.errMsg ?? 'no answer'}`)
      return { url: link.tempFileURL }
    },
  }
}
