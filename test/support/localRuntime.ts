// Starts the BUILT local runtime (server/dist/main.cjs) as `npm start` would, on a free port with a
// temporary DATA_DIR, and speaks HTTP to it with node:http (so tests can send raw, malformed requests).
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import http from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '../..')
export const SERVER_BUNDLE = path.join(ROOT, 'server/dist/main.cjs')

export interface LocalRuntime {
  url: string
  /** The runtime's process id (to read its memory). */
  pid: number
  /** Everything the process printed so far. */
  output(): string
  /** SIGTERM, then resolves with the exit code. */
  stop(): Promise<number | null>
  /** SIGKILL: the process dies on the spot, no shutdown (a DATA_DIR given in env is kept). */
  crash(): Promise<void>
}

export async function startLocalRuntime(env: Record<string, string> = {}): Promise<LocalRuntime> {
  if (!existsSync(SERVER_BUNDLE)) {
    throw new Error(`${SERVER_BUNDLE} is missing: run \`npm run build:server\` first (npm test does it).`)
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'community-3456-data-'))
  const child = spawn(process.execPath, [SERVER_BUNDLE], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let printed = ''
  child.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')))
  child.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')))
  const url = await listeningUrl(child, () => printed)
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return {
    url,
    pid: child.pid ?? -1,
    output: () => printed,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM')
      const code = await exited
      rmSync(dataDir, { recursive: true, force: true })
      return code
    },
    async crash() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      await exited
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

function listeningUrl(child: ChildProcess, printed: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`local runtime did not print LISTENING within 15 s:\n${printed()}`))
    }, 15_000)
    child.stdout?.on('data', () => {
      const match = /^LISTENING (\S+)$/m.exec(printed())
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`local runtime exited with ${code} before listening:\n${printed()}`))
    })
  })
}

export interface Reply {
  status: number
  headers: http.IncomingHttpHeaders
  text: string
  /** The body parsed as JSON (undefined when it is not JSON). */
  json: unknown
}

export function request(
  url: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const target = new URL(url)
    const req = http.request(
      { host: target.hostname, port: target.port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let json: unknown
          try {
            json = JSON.parse(text)
          } catch {
            json = undefined
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json })
        })
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

/** POST /cloud/api as the H5 app does; openid goes in X-Openid (absent: anonymous). */
export function callApi(url: string, action: string, payload: unknown, openid?: string): Promise<Reply> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' }
  if (openid !== undefined) headers['X-Openid'] = openid
  return request(url, { method: 'POST', path: '/cloud/api', headers, body: JSON.stringify({ action, payload }) })
}
