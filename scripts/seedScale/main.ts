// `npm run seed:scale -- --workers 1000 --ratings 1000000 [--data-dir DIR] [--year 2025]`
// (bundled and run by scripts/seed-scale.mjs). Prints what it seeded and the elapsed seconds.
import path from 'node:path'
import { parseArgs } from 'node:util'
import { monthOf } from '@core/periods'
import { scaleSeed } from './scaleSeed'

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback
  const n = Number(value.replace(/_/g, ''))
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got "${value}"`)
  return n
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      workers: { type: 'string' },
      ratings: { type: 'string' },
      year: { type: 'string' },
      'data-dir': { type: 'string' },
    },
  })
  // Default: the last full year in China time, so every month of it is history.
  const lastYear = Number(monthOf(new Date()).slice(0, 4)) - 1
  const workers = positiveInteger('workers', values.workers, 1000)
  const ratings = positiveInteger('ratings', values.ratings, 1_000_000)
  const year = positiveInteger('year', values.year, lastYear)
  const dataDir = path.resolve(values['data-dir'] ?? process.env.DATA_DIR ?? '.data-scale')
  if (workers < 1) throw new Error('--workers must be at least 1')

  console.log(`seeding ${workers} workers, ${ratings} ratings over ${year} into ${dataDir} …`)
  const result = await scaleSeed({ dataDir, workers, ratings, year })
  for (const s of result.subdistricts) console.log(`  ${s.id}: ${s.workers} workers, staff ${s.staffOpenid}`)
  console.log(`  bureau: ${result.bureauOpenid}`)
  console.log(`  ${result.ratings} ratings, ${result.feedback} feedback, ${result.scores} monthly scores, ${result.tallies} tallies`)
  console.log(`  ${result.visits} service visits, ${result.fieldSessions} field sessions, ${result.hallRotas} hall rotas`)
  console.log(`  organisation ${result.orgSeconds.toFixed(2)} s, activity ${result.loadSeconds.toFixed(2)} s`)
  console.log(`seeded in ${result.totalSeconds.toFixed(2)} s; start on it with DATA_DIR=${dataDir} npm start`)
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
