// The built local runtime (server/dist/main.cjs) started as `npm start` starts it, on a free port of
// 127.0.0.1 (PORT=0): its output kept, its address read from the LISTENING line it prints once it serves.
// Plain CommonJS, so the jest tests (localRuntime.ts) and the browser journeys (test/e2e/harness.mjs, on
// plain node) start it the same way; each keeps its own rule for the data directory and for stopping.
const { spawn } = require('node:child_process')
const path = require('node:path')

/**
 * Spawns the runtime with `env` over this process's environment. `url` resolves with its address (no
 * trailing slash), or rejects when it exits first or prints no LISTENING line within `timeoutMs` (it is
 * then killed). `exited` resolves with its exit code.
 */
function spawnRuntime(root, env, timeoutMs) {
  const child = spawn(process.execPath, [path.join(root, 'server', 'dist', 'main.cjs')], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let printed = ''
  child.stdout.on('data', (chunk) => (printed += chunk.toString('utf8')))
  child.stderr.on('data', (chunk) => (printed += chunk.toString('utf8')))
  const url = new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`本地运行环境 ${timeoutMs} ms 内没有启动：\n${printed}`))
    }, timeoutMs)
    child.stdout.on('data', () => {
      const match = /^LISTENING (\S+)\r?\n/m.exec(printed)
      if (match) {
        clearTimeout(timer)
        resolve(match[1].replace(/\/$/, ''))
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`本地运行环境退出了（exit ${code}）：\n${printed}`))
    })
  })
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)))
  return { child, url, exited, output: () => printed }
}

exports.spawnRuntime = spawnRuntime
