// The cloud's cost in database requests, measured in the CloudBase emulator with the real wx-server-sdk
// and the built function (test/support/cloudYear.ts): a first rating.submit and a year's evaluation.get
// of a 300-worker sub-district with get() capped at 100 rows. Prints one JSON line.
import { firstRatingRequests, yearEvaluationRequests } from '../../test/support/cloudYear'

async function main(): Promise<void> {
  const rating = await firstRatingRequests()
  const evaluation = await yearEvaluationRequests(300, '2025')
  console.error(`  first rating.submit: ${rating.requests.join(', ')}`)
  console.log(JSON.stringify({ firstRating: rating.total, yearEvaluation300: evaluation.total }))
  // The emulator and the loaded instances keep nothing alive that matters: end now.
  process.exit(0)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
