#!/usr/bin/env node
// `npm run size`: the weapp build against the package budgets (WeChat caps each package at 2 MB;
// we hold far lower ones because a resident on a weak phone waits for every kilobyte).
// Usage: node scripts/size.mjs [--dist dist] [--budget main=600K,subpackage=400K,total=1.5M] [--json]
import { measureWeapp, checkBudgets, parseBudgets, DEFAULT_BUDGETS, formatBytes } from './lib/weappSize.mjs'

const args = process.argv.slice(2)
const opt = (name) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : undefined
}
const dist = opt('dist') ?? 'dist'
const budgets = { ...DEFAULT_BUDGETS, ...parseBudgets(opt('budget') ?? '') }

let sizes
try {
  sizes = measureWeapp(dist)
} catch (e) {
  console.error(`✖ ${e.message}`)
  process.exit(2)
}
if (args.includes('--json')) {
  console.log(JSON.stringify(sizes))
  process.exit(0)
}
const failures = checkBudgets(sizes, budgets)
console.log(`main package        ${formatBytes(sizes.main).padStart(10)}  (budget ${formatBytes(budgets.main)})`)
for (const [root, bytes] of Object.entries(sizes.subpackages)) {
  console.log(`subpackage ${root.padEnd(8)} ${formatBytes(bytes).padStart(10)}  (budget ${formatBytes(budgets.subpackage)})`)
}
console.log(`total               ${formatBytes(sizes.total).padStart(10)}  (budget ${formatBytes(budgets.total)})`)
if (failures.length > 0) {
  for (const f of failures) console.error(`✖ over budget: ${f}`)
  process.exit(1)
}
console.log('✔ every package is within its budget')
