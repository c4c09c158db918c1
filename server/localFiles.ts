// Files in the local runtime, standing in for cloud storage: `POST /cloud/upload` keeps the raw bytes
// under DATA_DIR/files/uploads and answers a file id (as wx.cloud.uploadFile answers a cloud file ID);
// the spreadsheet actions read it back and write their files under DATA_DIR/files/downloads, served at
// GET /files/<id>/<name> — an unguessable id, like a temporary cloud-storage link.
// Uploads are kept per uploader (a folder named by a hash of their openid), so a read names its reader
// and only the uploader's own file is found; each uploader may keep UPLOAD_QUOTA_BYTES, and every file
// older than FILE_LIFETIME_MS is swept away (removeExpired, run by main.ts), so that quota is per 24 hours.
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { ApiError } from '@core/errors'
import type { FileStorage } from '@backend/context'
import { NOT_YOUR_UPLOAD_MESSAGE } from '@backend/roster/uploadPaths'

/** An uploaded roster is a few hundred KB; 5 MB is far above any real one. */
export const UPLOAD_LIMIT_BYTES = 5 * 1024 * 1024
/** What one caller may have uploaded in the last 24 hours: four of the largest rosters. */
export const UPLOAD_QUOTA_BYTES = 20 * 1024 * 1024
/** Uploads and generated files are removed this long after they were written. */
export const FILE_LIFETIME_MS = 24 * 60 * 60 * 1000
export const DOWNLOAD_PREFIX = '/files/'

export const QUOTA_MESSAGE = `24 小时内上传的文件已满 ${UPLOAD_QUOTA_BYTES / 1024 / 1024} MB，请明天再上传，或先导入已上传的文件`
const NOT_FOUND_MESSAGE = '没有找到上传的文件（上传的文件保留 24 小时），请重新选择文件上传'

const UPLOAD_ID = /^upload-[0-9a-f]{32}$/
const DOWNLOAD_PATH = /^\/files\/([0-9a-f]{32})\/([^/]+)$/

const CONTENT_TYPES: Record<string, string> = {
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

export interface LocalFiles extends FileStorage {
  /** Keeps an upload's bytes as `uploader`'s; answers its id, or 'quota' when it would pass their quota (nothing kept). */
  upload(bytes: Buffer, uploader: string): Promise<string | 'quota'>
  /** The local runtime's files are served by URL (GET /files/<id>/<name>), which the h5 build downloads. */
  write(fileName: string, bytes: Buffer): Promise<{ url: string }>
  /** Whether `uploader` has room left at all (checked before a body is read). */
  hasRoom(uploader: string): boolean
  /** Answers GET /files/<id>/<name>; false when the path is not one of ours. */
  serve(pathname: string, res: ServerResponse): Promise<boolean>
  /** Removes every upload and generated file written before `cutoff`; answers how many. */
  removeExpired(cutoff: Date): number
}

/** An uploader's folder: a hash, since an openid may hold characters a file name may not. */
function folderOf(uploader: string): string {
  return createHash('sha256').update(`uploader|${uploader}`, 'utf8').digest('hex').slice(0, 32)
}

export function localFiles(dir: string): LocalFiles {
  const uploads = path.join(dir, 'uploads')
  const downloads = path.join(dir, 'downloads')
  mkdirSync(uploads, { recursive: true })
  mkdirSync(downloads, { recursive: true })

  /** Bytes of uploads being written, by uploader. */
  const writing = new Map<string, number>()

  /** Bytes the uploader keeps now: every file is younger than 24 hours, the sweep sees to that. */
  function usedBy(uploader: string): number {
    const folder = path.join(uploads, folderOf(uploader))
    if (!existsSync(folder)) return 0
    return readdirSync(folder).reduce((sum, name) => sum + statSync(path.join(folder, name)).size, 0)
  }

  return {
    hasRoom: (uploader) => usedBy(uploader) + (writing.get(uploader) ?? 0) < UPLOAD_QUOTA_BYTES,
    async upload(bytes, uploader) {
      // Bytes still being written count too: two uploads at once cannot both pass the check (one process).
      const pending = writing.get(uploader) ?? 0
      if (usedBy(uploader) + pending + bytes.length > UPLOAD_QUOTA_BYTES) return 'quota'
      writing.set(uploader, pending + bytes.length)
      const folder = path.join(uploads, folderOf(uploader))
      const fileId = `upload-${randomBytes(16).toString('hex')}`
      try {
        mkdirSync(folder, { recursive: true })
        await writeFile(path.join(folder, fileId), bytes)
      } finally {
        const left = (writing.get(uploader) ?? 0) - bytes.length
        if (left > 0) writing.set(uploader, left)
        else writing.delete(uploader)
      }
      return fileId
    },
    async read(fileId, reader) {
      if (!UPLOAD_ID.test(fileId)) throw new ApiError('INVALID_INPUT', '文件编号格式不对，请重新上传')
      try {
        return await readFile(path.join(uploads, folderOf(reader), fileId))
      } catch {
        // Someone else's upload is refused as such; the bytes are never read.
        const elsewhere = readdirSync(uploads).some((folder) => existsSync(path.join(uploads, folder, fileId)))
        throw elsewhere ? new ApiError('FORBIDDEN', NOT_YOUR_UPLOAD_MESSAGE) : new ApiError('NOT_FOUND', NOT_FOUND_MESSAGE)
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
    removeExpired(cutoff) {
      let removed = 0
      for (const root of [uploads, downloads]) {
        for (const folder of readdirSync(root)) {
          const inside = path.join(root, folder)
          for (const name of readdirSync(inside)) {
            const file = path.join(inside, name)
            if (statSync(file).mtimeMs >= cutoff.getTime()) continue
            rmSync(file, { force: true })
            removed += 1
          }
          // A download's folder goes with its file (one each, old already); an uploader's folder stays for their next upload.
          if (root === downloads && readdirSync(inside).length === 0 && statSync(inside).mtimeMs < cutoff.getTime()) rmSync(inside, { recursive: true, force: true })
        }
      }
      return removed
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
