// Measures a weapp build the way WeChat counts packages: a subpackage is everything under its root,
// the main package is everything else in the build (source maps excluded: they are not uploaded).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

export const KB = 1024
export const DEFAULT_BUDGETS = { main: 600 * KB, subpackage: 400 * KB, total: 1.5 * KB * KB }

function filesBelow(dir) {
  const out = []
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) out.push(...filesBelow(p))
    else if (!name.endsWith('.map')) out.push(p)
  }
  return out
}

export function measureWeapp(dist) {
  const appJson = join(dist, 'app.json')
  if (!existsSync(appJson)) throw new Error(`${appJson} not found: run npm run build:weapp first`)
  const app = JSON.parse(readFileSync(appJson, 'utf8'))
  const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''))
  const subpackages = Object.fromEntries(roots.map((r) => [r, 0]))
  let main = 0
  for (const file of filesBelow(dist)) {
    const rel = relative(dist, file).split(sep).join('/')
    const bytes = statSync(file).size
    const root = roots.find((r) => rel.startsWith(`${r}/`))
    if (root) subpackages[root] += bytes
    else main += bytes
  }
  const total = main + Object.values(subpackages).reduce((a, b) => a + b, 0)
  return { main, subpackages, total }
}

/** Every budget a build exceeds, each naming the package and its size. */
export function checkBudgets(sizes, budgets) {
  const failures = []
  if (sizes.main > budgets.main) failures.push(`main package ${formatBytes(sizes.main)} > ${formatBytes(budgets.main)}`)
  for (const [root, bytes] of Object.entries(sizes.subpackages)) {
    if (bytes > budgets.subpackage) failures.push(`subpackage ${root} ${formatBytes(bytes)} > ${formatBytes(budgets.subpackage)}`)
  }
  if (sizes.total > budgets.total) failures.push(`total ${formatBytes(sizes.total)} > ${formatBytes(budgets.total)}`)
  return failures
}

/** "main=600K,subpackage=400K,total=1.5M" -> bytes per budget. */
export function parseBudgets(text) {
  const out = {}
  for (const part of text.split(',').filter(Boolean)) {
    const m = /^(main|subpackage|total)=(\d+(?:\.\d+)?)([KM]?)$/i.exec(part.trim())
    if (!m) throw new Error(`bad budget "${part}" (expected e.g. main=600K)`)
    const unit = m[3].toUpperCase() === 'M' ? KB * KB : m[3].toUpperCase() === 'K' ? KB : 1
    out[m[1]] = Number(m[2]) * unit
  }
  return out
}

export function formatBytes(bytes) {
  return bytes >= KB * KB ? `${(bytes / KB / KB).toFixed(2)} MB` : `${(bytes / KB).toFixed(1)} KB`
}
