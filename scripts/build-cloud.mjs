#!/usr/bin/env node
// `npm run build:cloud`: bundles the two cloud functions, each into its index.js beside its package.json
// and config.json, ready to upload:
// - `api` (its handlers, src/core and valibot) into cloudfunctions/api/index.js;
// - `files` (the spreadsheet actions, with exceljs inside) into cloudfunctions/files/index.js.
// wx-server-sdk stays external: CloudBase installs it from each function's package.json. exceljs is
// bundled: one file loads in about half the time of exceljs's own 23 MB of installed modules (README: Budgets).
// Node 16 is the oldest runtime CloudBase still offers for cloud functions.
import { readFile } from 'node:fs/promises'
import { bundleNode } from './lib/bundleNode.mjs'

/**
 * collections.json as the function reads it: each collection's name and indexes. Its `holds` texts are
 * for the deployer reading the file (and the README); in the bundle they were 4 KB of the 300 KB budget.
 */
const leanCollections = {
  name: 'lean-collections',
  setup(build) {
    build.onLoad({ filter: /collections\.json$/ }, async (args) => {
      const file = JSON.parse(await readFile(args.path, 'utf8'))
      const collections = file.collections.map(({ name, indexes }) => ({ name, holds: '', indexes }))
      return { contents: JSON.stringify({ collections }), loader: 'json' }
    })
  },
}

/**
 * The demo loader (backend/demo/seed, about 20 KB), imported only by admin.setup and only when a setup
 * loads the demo, stays out of `api`'s index.js: its dynamic import becomes require('./demo.js'), the
 * demo bundled on its own beside it. Every cold start of `api` loads index.js alone.
 */
const demoApart = {
  name: 'demo-apart',
  setup(build) {
    build.onResolve({ filter: /\/demo\/seed$/ }, (args) => (args.kind === 'dynamic-import' ? { path: './demo.js', external: true } : undefined))
  },
}

const common = {
  target: 'node16',
  external: ['wx-server-sdk'],
  // Whitespace and syntax only: names stay, so a stack trace in the CloudBase console still names the
  // functions; unminified, the trust features (keys, limits, reviews) took `api` past its budget (README: Budgets).
  minifyWhitespace: true,
  minifySyntax: true,
  // Chinese text as UTF-8 (3 bytes a character), not \uXXXX escapes (6): the messages, labels and demo
  // names are a large part of `api`. Node reads the file as UTF-8.
  charset: 'utf8',
  sourcemap: false,
  plugins: [leanCollections],
}
await Promise.all([
  bundleNode({ ...common, plugins: [...common.plugins, demoApart], entryPoints: ['cloudfunctions/api/src/index.ts'], outfile: 'cloudfunctions/api/index.js' }),
  bundleNode({ ...common, entryPoints: ['backend/demo/seed.ts'], outfile: 'cloudfunctions/api/demo.js' }),
  bundleNode({ ...common, entryPoints: ['cloudfunctions/files/src/index.ts'], outfile: 'cloudfunctions/files/index.js' }),
])
console.log('built cloudfunctions/api/index.js (and demo.js beside it) and cloudfunctions/files/index.js')
