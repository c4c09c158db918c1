// Starts the BUILT local runtime (server/dist/main.cjs) as `npm start` would, on a free port with a
// temporary DATA_DIR, and speaks HTTP to it with node:http (so tests can send raw, malformed requests).
// useLocalRuntime gives a test file one runtime for all its tests.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import http from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { spawnRuntime } from './runtimeProcess.cjs'

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
  const { child, url, exited, output } = spawnRuntime(ROOT, { DATA_DIR: dataDir, ...env }, 15_000)
  return {
    url: await url,
    pid: child.pid ?? -1,
    output,
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

export interface SharedRuntime extends LocalRuntime {
  /** POST /cloud/api to this runtime (callApi below). */
  call(action: string, payload: unknown, openid?: string): Promise<Reply>
}

/**
 * One runtime for the tests of a file (or of the describe it is called in): started before them with
 * `env` (a function is asked then, after the set-up declared before it), stopped after them. Its fields
 * are there inside the tests, not when the file loads.
 */
export function useLocalRuntime(env: Record<string, string> | (() => Record<string, string>) = {}): SharedRuntime {
  let started: LocalRuntime | undefined
  const current = (): LocalRuntime => {
    if (started === undefined) throw new Error('the local runtime is not started yet: use it inside a test')
    return started
  }
  beforeAll(async () => {
    started = await startLocalRuntime(typeof env === 'function' ? env() : env)
  })
  afterAll(async () => {
    await started?.stop()
  })
  return {
    get url() {
      return current().url
    },
    get pid() {
      return current().pid
    },
    output: () => current().output(),
    stop: () => current().stop(),
    crash: () => current().crash(),
    call: (action, payload, openid) => callApi(current().url, action, payload, openid),
  }
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
