#!/usr/bin/env node
// `npm run build:cloud`: bundles the cloud function `api` (its handlers, src/core and valibot) into
// cloudfunctions/api/index.js, beside its package.json and config.json, ready to upload.
// wx-server-sdk stays external: CloudBase installs it from the function's package.json.
// Node 16 is the oldest runtime CloudBase still offers for cloud functions.
import { bundleNode } from './lib/bundleNode.mjs'

await bundleNode({
  entryPoints: ['cloudfunctions/api/src/index.ts'],
  outfile: 'cloudfunctions/api/index.js',
  target: 'node16',
  external: ['wx-server-sdk'],
  // Readable output: it is what runs in the cloud and what a developer reads in the CloudBase console.
  minify: false,
  sourcemap: false,
})
console.log('built cloudfunctions/api/index.js')
