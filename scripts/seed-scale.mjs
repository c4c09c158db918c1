#!/usr/bin/env node
// `npm run seed:scale -- --workers 1000 --ratings 1000000 [--data-dir DIR] [--year 2025]`:
// bundles scripts/seedScale/main.ts (TypeScript, shared with the bench and tests) with esbuild into
// bench/tmp/ and runs it with the same arguments. better-sqlite3 stays external: a native addon.
import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const outfile = 'bench/tmp/seed-scale.cjs'

await build({
  absWorkingDir: root,
  entryPoints: ['scripts/seedScale/main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['better-sqlite3'],
  logLevel: 'warning',
})
const run = spawnSync(process.execPath, [`${root}${outfile}`, ...process.argv.slice(2)], { stdio: 'inherit' })
process.exit(run.status ?? 1)
