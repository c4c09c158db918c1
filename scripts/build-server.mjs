#!/usr/bin/env node
// `npm run build:server`: bundles the local runtime (server/main.ts with the same handlers as the
// cloud function) into server/dist/server.cjs, started by server/dist/main.cjs, and the child process
// that sets an empty DATA_DIR up (server/setupProcess.ts) beside it as setup.cjs. better-sqlite3 stays
// external: it is a native addon.
// Source maps: a map file beside each bundle, without the sources (a stack trace needs only the paths
// and lines; some 6 MB once Node has read it). main.cjs turns them on BEFORE the bundle is compiled: a
// bundle that turned them on itself is compiled already, its traces unmapped. (An inline map with the
// sources made the process some 40 MB larger from its first second, and mapped nothing.)
import { writeFileSync } from 'node:fs'
import { bundleNode } from './lib/bundleNode.mjs'

await bundleNode({
  entryPoints: { server: 'server/main.ts', setup: 'server/setupProcess.ts' },
  outdir: 'server/dist',
  outExtension: { '.js': '.cjs' },
  minify: false,
  sourcemap: 'linked',
  sourcesContent: false,
})
writeFileSync('server/dist/main.cjs', "'use strict'\nprocess.setSourceMapsEnabled(true)\nrequire('./server.cjs')\n")
console.log('built server/dist/main.cjs')
