// Where a roster is uploaded in cloud storage: `rosters/<folder>/<yyyymmdd>-<random>.xlsx`, the folder a
// keyed hash of the uploader's openid (ids.ts uploaderFolderId), the name the upload's record id. The
// function answers the path (org.uploadPath), the mini-program uploads to it, and org.import reads a file
// ID only when its path is in the caller's own folder: nobody else can name a path there, since nobody
// else has the key.
import { randomBytes } from 'node:crypto'
import { chinaDateOf } from '@core/periods'

/** The uploads' top folder in cloud storage. */
export const UPLOAD_ROOT = 'rosters'

/** What a caller naming someone else's upload is told (the local runtime says the same: server/localFiles.ts). */
export const NOT_YOUR_UPLOAD_MESSAGE = '只能导入自己上传的文件，请重新选择文件上传'

const UPLOAD_PATH = /^rosters\/([0-9a-f]{32})\/(\d{8}-[0-9a-f]{16})\.xlsx$/

export interface UploadPath {
  /** The uploader's folder (uploaderFolderId). */
  folder: string
  /** The file's name without `.xlsx`: its record's id. */
  name: string
  path: string
}

/** A fresh path in `folder`, named by the China date of `now` and 64 random bits. */
export function newUploadPath(folder: string, now: Date): UploadPath {
  const name = `${chinaDateOf(now).replace(/-/g, '')}-${randomBytes(8).toString('hex')}`
  return { folder, name, path: `${UPLOAD_ROOT}/${folder}/${name}.xlsx` }
}

/** The cloud path of a file ID (`cloud://<env>.<bucket>/<path>`); null when it is not one. */
export function cloudPathOf(fileId: string): string | null {
  const match = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId)
  return match === null ? null : (match[1] ?? null)
}

/** The upload a file ID names, or null when its path is not one org.uploadPath answers. */
export function uploadPathOf(fileId: string): UploadPath | null {
  const path = cloudPathOf(fileId)
  const match = path === null ? null : UPLOAD_PATH.exec(path)
  if (path === null || match === null) return null
  return { folder: match[1] ?? '', name: match[2] ?? '', path }
}
