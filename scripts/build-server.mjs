#!/usr/bin/env node
// `npm run build:server`: bundles the local runtime (server/main.ts with the same handlers as the
// cloud function) into server/dist/main.cjs. better-sqlite3 stays external: it is a native addon.
import { bundleNode } from './lib/bundleNode.mjs'

await bundleNode({ entryPoints: ['server/main.ts'], outfile: 'server/dist/main.cjs', minify: false, sourcemap: 'inline' })
console.log('built server/dist/main.cjs')
