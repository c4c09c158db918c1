// One esbuild setup for every TypeScript entry this repo runs on Node (the cloud function, the local
// runtime, the scale seeder, the bench workers): a CommonJS bundle with native or platform-provided
// modules left external. Callers give only what differs.
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'

export const root = fileURLToPath(new URL('../..', import.meta.url))

/** @param {import('esbuild').BuildOptions} options entryPoints, outfile/outdir, and any overrides */
export function bundleNode(options) {
  return build({
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3'],
    legalComments: 'none',
    logLevel: 'warning',
    ...options,
  })
}
