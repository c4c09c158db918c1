// The local runtime (`npm start`): one process serving the h5 app, POST /cloud/api and /healthz over
// SQLite. It trusts the X-Openid header for identity, so it listens on 127.0.0.1 by default and is for
// trying, demonstrating and testing — not a production deployment (production is the cloud function).
// Bundled into server/dist/server.cjs, started by server/dist/main.cjs (scripts/build-server.mjs).
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import type { Store } from '@backend/store'
import { createApp } from './app'
import { listDevIdentities } from '@backend/session/devIdentities'
import { localCodeImages } from './localCodeImages'
import { localFiles } from './localFiles'
import { scheduleFileSweep } from './fileSweep'
import { keywordModeration } from './moderation'
import { fixedSecrets } from '@backend/secrets/secrets'
import { bureauOpenidsOf } from '@backend/access/firstAdmins'
import { localSecrets } from './localSecrets'
import { SqliteStore } from '@backend/store/sqlite/sqliteStore'
import { scheduleSnapshots } from './nightlySnapshots'
import { scheduleSuspicionChecks } from './suspicionChecks'
import { schedulePhoneErasure } from './phoneErasure'
import { localClock } from './localClock'
import { setUpInChild } from './firstStart'
import { openMissedCases } from '@backend/cases/missedCases'

const DEFAULT_PORT = 10086

async function main(): Promise<void> {
  const port = portOf(process.env.PORT)
  const host = process.env.HOST || '127.0.0.1'
  const dataDir = path.resolve(process.env.DATA_DIR || '.data')

  const store = SqliteStore.openDir(dataDir)
  // LOCAL_NOW: the handlers' clock starts at that moment (server/localClock.ts); unset, the real one.
  const clock = localClock(process.env.LOCAL_NOW)
  // The deployment's keys: DATA_DIR/secrets.json, made on the first start; the environment overrides.
  const secrets = fixedSecrets(localSecrets(dataDir))
  // An empty DATA_DIR gets the demo, the way admin.setup { demo: true } sets up a cloud environment;
  // SEED_DEMO=0 leaves it empty, for a BUREAU_OPENIDS admin to set up from the home page.
  if (process.env.SEED_DEMO !== '0' && !(await store.isSetUp())) {
    // In a child process, whose memory goes back to the system when it ends (firstStart.ts).
    const { demoLoaded } = await setUpInChild(dataDir, clock())
    if (demoLoaded) console.log(`已写入演示数据（浮山办事处 30 名、温泉办事处 6 名社区工作者）：${dataDir}`)
  }
  // Bad ratings' cases that a killed process had not written yet (backend/cases/missedCases.ts), before serving.
  const missed = await openMissedCases(store, secrets)
  if (missed > 0) console.log(`已补开 ${missed} 件上次运行未及写入的差评回访`)

  // STATIC_DIR: another h5 build to serve (tests use a fixture); default dist-h5/.
  // The codes carry the URL the h5 app is served at, known once the server listens.
  let publicUrl = `http://${host}:${port}`
  const files = localFiles(path.join(dataDir, 'files'))
  const server = createApp({
    store,
    moderation: keywordModeration,
    codeImages: localCodeImages(() => publicUrl),
    staticDir: process.env.STATIC_DIR || undefined,
    bureauOpenids: bureauOpenidsOf(process.env.BUREAU_OPENIDS),
    files,
    secrets,
    now: clock,
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, resolve)
  })
  // Handlers before the LISTENING line: whoever reads it may send SIGTERM at once.
  let closing = false
  const shutdown = (signal: NodeJS.Signals): void => {
    if (closing) return
    closing = true
    console.log(`收到 ${signal}，正在关闭…`)
    server.close(() => {
      store.close()
      process.exit(0)
    })
    // Keep-alive connections would hold close() open; the browser reconnects on the next start.
    server.closeAllConnections()
  }
  process.on('SIGTERM', shutdown)
  process.on('SIGINT', shutdown)

  const url = urlOf(server.address() as AddressInfo)
  publicUrl = url
  await printBanner(url, store)
  console.log(`LISTENING ${url}`)
  // Closed periods' evaluations, at start and nightly, as the cloud function's timer takes them.
  const stopSnapshots = scheduleSnapshots(store)
  process.once('exit', stopSnapshots)
  // Suspicious patterns (trust rule 8), at start and every 10 minutes, as the cloud function's hourly timer checks them.
  const stopSuspicionChecks = scheduleSuspicionChecks(store, (await secrets.get()).idKey)
  process.once('exit', stopSuspicionChecks)
  // Uploads and generated files older than 24 hours, at start and hourly, as the cloud function's timer removes uploads.
  const stopFileSweep = scheduleFileSweep(files)
  process.once('exit', stopFileSweep)
  // Call-back phone numbers 30 days old (trust rule 9), at start and hourly, as the cloud function's timer erases them.
  const stopPhoneErasure = schedulePhoneErasure(store)
  process.once('exit', stopPhoneErasure)
}

function portOf(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PORT
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0..65535, got "${value}"`)
  return port
}

function urlOf(address: AddressInfo): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return `http://${host}:${address.port}`
}

async function printBanner(url: string, store: Store): Promise<void> {
  const identities = await listDevIdentities(store)
  const workers = identities.filter((identity) => identity.role === 'worker')
  const shown = [...identities.filter((identity) => identity.role !== 'worker'), ...workers.slice(0, 3)]
  console.log(`\n社区工作者“3456”履职评价 · 本地运行环境`)
  console.log(`打开 ${url}/ （评价页：${url}/#/pages/rate/index?scene=<工作者编号>）`)
  console.log(`\n演示身份（在页面上的身份切换里选择；接口请求用请求头 X-Openid）：`)
  for (const identity of shown) {
    console.log(`  ${identity.role.padEnd(11)} ${padDisplay(identity.name, 18)} ${identity.openid}`)
  }
  if (workers.length > 3) {
    console.log(`  …以及另外 ${workers.length - 3} 名社区工作者（dev.identities 列出全部）`)
  }
  console.log(
    `\n注意：本地运行环境信任请求头 X-Openid 作为身份，所以默认只监听 127.0.0.1；` +
      `它用于试用、演示和测试，不是生产部署（生产环境是微信云开发的云函数 api）。` +
      `\nNote: trusts the X-Openid header for identity; for trying, demonstrating and testing only, not production.\n`,
  )
}

/** Pads to a terminal width: CJK characters take two columns. */
function padDisplay(text: string, width: number): string {
  const used = [...text].reduce((sum, ch) => sum + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1), 0)
  return text + ' '.repeat(Math.max(1, width - used))
}

main().catch((err: unknown) => {
  console.error('本地运行环境启动失败：', err)
  process.exit(1)
})
