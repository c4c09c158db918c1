// Files in the local runtime, standing in for cloud storage: `POST /cloud/upload` keeps the raw bytes
// under DATA_DIR/files/uploads and answers a file id (as wx.cloud.uploadFile answers a cloud file ID);
// the spreadsheet actions read it back and write their files under DATA_DIR/files/downloads, served at
// GET /files/<id>/<name> — an unguessable id, like a temporary cloud-storage link.
import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { ApiError } from '../src/core/errors'
import type { FileStorage } from '../cloudfunctions/api/src/context'

/** An uploaded roster is a few hundred KB; 5 MB is far above any real one. */
export const UPLOAD_LIMIT_BYTES = 5 * 1024 * 1024
export const DOWNLOAD_PREFIX = '/files/'

const UPLOAD_ID = /^upload-[0-9a-f]{32}$/
const DOWNLOAD_PATH = /^\/files\/([0-9a-f]{32})\/([^/]+)$/

const CONTENT_TYPES: Record<string, string> = {
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

export interface LocalFiles extends FileStorage {
  /** Keeps an upload's bytes; answers its id. */
  upload(bytes: Buffer): Promise<string>
  /** Answers GET /files/<id>/<name>; false when the path is not one of ours. */
  serve(pathname: string, res: ServerResponse): Promise<boolean>
}

export function localFiles(dir: string): LocalFiles {
  const uploads = path.join(dir, 'uploads')
  const downloads = path.join(dir, 'downloads')
  mkdirSync(uploads, { recursive: true })
  mkdirSync(downloads, { recursive: true })
  return {
    async upload(bytes) {
      const fileId = `upload-${randomBytes(16).toString('hex')}`
      await writeFile(path.join(uploads, fileId), bytes)
      return fileId
    },
    async read(fileId) {
      if (!UPLOAD_ID.test(fileId)) throw new ApiError('INVALID_INPUT', '文件编号格式不对，请重新上传')
      try {
        return await readFile(path.join(uploads, fileId))
      } catch {
        throw new ApiError('NOT_FOUND', '没有找到上传的文件，请重新选择文件上传')
      }
    },
    async write(fileName, bytes) {
      const id = randomBytes(16).toString('hex')
      mkdirSync(path.join(downloads, id))
      const safeName = fileName.replace(/[/\\]/g, '-')
      await writeFile(path.join(downloads, id, safeName), bytes)
      return { url: `${DOWNLOAD_PREFIX}${id}/${encodeURIComponent(safeName)}` }
    },
    async serve(pathname, res) {
      const match = DOWNLOAD_PATH.exec(pathname)
      if (match === null) return false
      let name: string
      try {
        name = decodeURIComponent(match[2] ?? '')
      } catch {
        return false
      }
      if (name.includes('/') || name.includes('\\') || name.startsWith('.')) return false
      let bytes: Buffer
      try {
        bytes = await readFile(path.join(downloads, match[1] ?? '', name))
      } catch {
        return false
      }
      res.writeHead(200, {
        'Content-Type': CONTENT_TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': bytes.length,
        'Content-Disposition': `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        'Cache-Control': 'no-store',
      })
      res.end(bytes)
      return true
    },
  }
}

/** The raw body up to `limit` bytes, or 'tooLarge' (drained up to twice the limit so the client reads our reply). */
export function readBytes(req: IncomingMessage, limit: number): Promise<Buffer | 'tooLarge'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let received = 0
    req.on('data', (chunk: Buffer) => {
      received += chunk.length
      if (received <= limit) chunks.push(chunk)
      else if (received > 2 * limit) req.destroy()
    })
    req.on('end', () => resolve(received > limit ? 'tooLarge' : Buffer.concat(chunks)))
    req.on('error', reject)
    req.on('close', () => reject(new Error('request closed before its body was read')))
  })
}
