#!/usr/bin/env node
// `npm start`: builds what is missing and starts the local runtime (DESIGN section 5).
// The h5 app is built only when absent (a minute); the server bundle is rebuilt every time (well under a second).
// Env: PORT (default 10086), HOST (default 127.0.0.1), DATA_DIR (default .data/).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
process.chdir(root)

function runOrExit(title, cmd, args) {
  console.log(`▶ ${title}`)
  const result = spawnSync(cmd, args, { stdio: 'inherit' })
  if (result.status !== 0) {
    console.error(`✖ ${title} failed (exit ${result.status ?? result.signal})`)
    process.exit(result.status || 1)
  }
}

if (!existsSync('dist-h5/index.html')) runOrExit('building the h5 app (first start only)', 'npx', ['taro', 'build', '--type', 'h5'])
runOrExit('building the local runtime', 'node', ['scripts/build-server.mjs'])

const server = spawn(process.execPath, ['server/dist/main.cjs'], { stdio: 'inherit' })
// Ctrl-C reaches the child through the terminal's process group too; forwarding covers `kill <pid>`.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (server.exitCode === null) server.kill(signal)
  })
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
