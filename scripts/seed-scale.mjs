#!/usr/bin/env node
// `npm run seed:scale -- --workers 1000 --ratings 1000000 [--data-dir DIR] [--year 2025]`:
// bundles scripts/seedScale/main.ts (TypeScript, shared with the bench and tests) into bench/tmp/
// and runs it with the same arguments.
import { spawnSync } from 'node:child_process'
import { bundleNode, root } from './lib/bundleNode.mjs'

const outfile = 'bench/tmp/seed-scale.cjs'
await bundleNode({ entryPoints: ['scripts/seedScale/main.ts'], outfile })
const run = spawnSync(process.execPath, [`${root}${outfile}`, ...process.argv.slice(2)], { stdio: 'inherit' })
process.exit(run.status ?? 1)
