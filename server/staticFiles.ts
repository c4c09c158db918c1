// Serves the h5 build (dist-h5/) from the local runtime, so one process gives the app and its API.
// Only files under the root are served: the decoded path is resolved and must stay inside it.
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
}

export async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, '只支持 GET')
  const file = await resolveFile(root, req.url ?? '/')
  if (file === null) {
    const built = await isFile(path.join(root, 'index.html'))
    return sendText(res, 404, built ? '没有这个页面' : 'H5 页面尚未构建：请先运行 npm run build:h5（npm start 会自动构建）')
  }
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[path.extname(file.path).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': file.size,
    // A local build changes under the same names; always revalidate.
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  })
  if (req.method === 'HEAD') return void res.end()
  createReadStream(file.path).pipe(res)
}

/** The file a URL names under root (`/` and directories give their index.html), or null. */
async function resolveFile(root: string, url: string): Promise<{ path: string; size: number } | null> {
  let pathname: string
  try {
    pathname = decodeURIComponent(new URL(url, 'http://local').pathname)
  } catch {
    return null
  }
  if (pathname.includes('\0')) return null
  const base = path.resolve(root)
  let candidate = path.resolve(base, `.${pathname}`)
  if (candidate !== base && !candidate.startsWith(base + path.sep)) return null
  const info = await stat(candidate).catch(() => null)
  if (info?.isDirectory()) candidate = path.join(candidate, 'index.html')
  const fileInfo = info?.isDirectory() ? await stat(candidate).catch(() => null) : info
  return fileInfo?.isFile() ? { path: candidate, size: fileInfo.size } : null
}

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => null))?.isFile() ?? false
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(text)
}
