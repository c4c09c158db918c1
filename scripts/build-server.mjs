#!/usr/bin/env node
// `npm run build:server`: bundles the local runtime (server/main.ts with the same handlers as the
// cloud function) into server/dist/main.cjs. better-sqlite3 stays external: it is a native addon.
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

await build({
  absWorkingDir: root,
  entryPoints: ['server/main.ts'],
  outfile: 'server/dist/main.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['better-sqlite3'],
  minify: false,
  sourcemap: 'inline',
  legalComments: 'none',
  logLevel: 'warning',
})
console.log('built server/dist/main.cjs')
