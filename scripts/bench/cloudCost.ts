// The cloud's cost in database requests, measured in the CloudBase emulator with the real wx-server-sdk
// and the built function (test/support/cloudYear.ts, ratingPaths.ts): a first rating.submit, each rating
// path on a warm instance, and a year's evaluation.get of a 300-worker sub-district with get() capped at
// 100 rows. Prints one JSON line.
import { firstRatingRequests, yearEvaluationRequests } from '../../test/support/cloudYear'
import { CLOUD_LATENCY } from '../../test/support/cloudEnv'
import { PATH_BUDGETS, fiftyAtOnceCost, ratingPathCosts } from '../../test/support/ratingPaths'

async function main(): Promise<void> {
  const rating = await firstRatingRequests()
  const evaluation = await yearEvaluationRequests(300, '2025')
  console.error(`  first rating.submit: ${rating.requests.join(', ')}`)
  const costs = await ratingPathCosts(CLOUD_LATENCY)
  const paths: Record<string, number> = Object.fromEntries(Object.entries(costs).map(([name, cost]) => [name, cost.requests.length]))
  paths.fiftyAtOnce = (await fiftyAtOnceCost(CLOUD_LATENCY)).perRating
  console.log(JSON.stringify({ firstRating: rating.total, yearEvaluation300: evaluation.total, paths, budgets: PATH_BUDGETS }))
  // The emulator and the loaded instances keep nothing alive that matters: end now.
  process.exit(0)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
