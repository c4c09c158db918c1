// The setup of an empty DATA_DIR (the demo, the posts, the settings), run in a child process of its own
// (server/setupProcess.ts) with its own connection to the database. Generating the demo's six months of
// activity takes some 60 MB; in the server's own process that memory would stay with it (V8 and malloc
// hand it back late, if ever), so a first start would run ~60 MB larger than every later one. A child
// process gives it all back when it ends.
import { spawn } from 'node:child_process'
import path from 'node:path'

/** Sets the DATA_DIR up as setUpEnvironment does, with the demo, at the clock's `now`; whether the demo was loaded. */
export function setUpInChild(dataDir: string, now: Date): Promise<{ demoLoaded: boolean }> {
  return new Promise((resolve, reject) => {
    // Beside the server's bundle (scripts/build-server.mjs builds both); the child inherits the
    // environment, so it reads the same secrets (DATA_DIR/secrets.json, the variables overriding).
    const child = spawn(process.execPath, ['--enable-source-maps', path.join(__dirname, 'setup.cjs')], {
      env: { ...process.env, DATA_DIR: dataDir, SETUP_NOW: now.toISOString() },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8')
    })
    child.once('error', reject)
    child.once('exit', (code) => {
      if (code === 0) resolve({ demoLoaded: out.trim() === 'demo loaded' })
      else reject(new Error(`the setup of ${dataDir} failed (exit ${code})`))
    })
  })
}
