// What a call costs on CloudBase, where every database request is a round trip and a billed operation:
// the built function on the real wx-server-sdk over the emulator (get() capped at 100 rows), counting
// requests (the budgets: every rating path <= 6, support/ratingPaths.ts; a year's evaluation.get of 300 workers <= 15), each
// answered after 10-20 ms as in the same region, so that what runs at once interleaves.
import { CLOUD_LATENCY, setUpCloud, startInstances } from '../support/cloudEnv'
import { firstRatingRequests, yearEvaluationRequests, yearOrg } from '../support/cloudYear'
import { PATH_BUDGETS, fiftyAtOnceCost, ratingPathCosts } from '../support/ratingPaths'

it('makes a first rating.submit, with its role lookup and worker, in 6 database requests; the rating is its own claim', async () => {
  const { total, requests, reply, oncePerInstance } = await firstRatingRequests(CLOUD_LATENCY)
  // A cold instance also reads the deployment's keys, once for its life (cloudSecrets.ts; counted below).
  expect(oncePerInstance).toEqual(['database.getDocument secrets'])
  expect(reply).toMatchObject({ ok: true, data: { replaced: false } })
  expect(requests).toEqual([
    'database.getDocument principals', // who is calling (roles are looked up on every call)
    'database.getDocument workers', // the worker rated
    'database.insertDocument principals', // the rater's first submit of the day opens their counter, read with the principal (no limits read: 1 fits any)
    'database.insertDocument resident_ratings', // the rating with its receipt (the key and payload hash: the submit's claim), marked pending; read only when taken
    'database.modifyDocument tallies', // one _.inc on the worker's tally of the year
    'database.modifyDocument resident_ratings', // the pending mark removed
  ])
  expect(total).toBeLessThanOrEqual(6)
})

describe('every rating path on a warm instance', () => {
  let costs: Awaited<ReturnType<typeof ratingPathCosts>>
  beforeAll(async () => {
    costs = await ratingPathCosts(CLOUD_LATENCY)
  })

  it.each(['firstRating', 'secondWorkerThatDay', 'firstBadRating'] as const)('%s stays within its budget of 6', (name) => {
    const { requests, reply } = costs[name]
    expect(reply).toMatchObject({ ok: true })
    expect(requests.length).toBeLessThanOrEqual(PATH_BUDGETS[name])
  })

  it('re-rates in 6 requests: the rater\'s note, read with their role, tells the rating\'s state, so one guarded compare-and-set replaces it', () => {
    expect(costs.reRate.reply).toMatchObject({ ok: true, data: { replaced: true } })
    expect(costs.reRate.requests).toEqual([
      'database.getDocument principals', // the caller, their counter of the day and the notes of their ratings this month
      'database.getDocument workers',
      'database.modifyDocument principals', // the counter: one conditional update, and this rating's new note
      'database.modifyDocument resident_ratings', // guarded on the noted receipt and level, counted and settled; marked pending, the new receipt
      'database.modifyDocument tallies', // one count moved from level 5 to 3
      'database.modifyDocument resident_ratings', // the pending mark removed
    ])
    expect(costs.reRate.requests.length).toBeLessThanOrEqual(PATH_BUDGETS.reRate)
  })

  it('takes a feedback within its budget of 6', () => {
    expect(costs.feedback.reply).toMatchObject({ ok: true })
    expect(costs.feedback.requests.length).toBeLessThanOrEqual(PATH_BUDGETS.feedback)
  })

  it('opens no case and writes no audit entry on the path of a level 1 (the timer does): the same requests as a level 5', () => {
    expect(costs.firstBadRating.requests).toEqual(costs.firstRating.requests)
  })
})

it('rates one worker by 50 residents at once within 7 database requests per rating', async () => {
  const { perRating, allOk } = await fiftyAtOnceCost(CLOUD_LATENCY)
  expect(allOk).toBe(true)
  expect(perRating).toBeLessThanOrEqual(PATH_BUDGETS.fiftyAtOnce)
})

it("evaluates a year of a 300-worker sub-district in 15 database requests, 100 rows per get()", async () => {
  const { total, requests, reply } = await yearEvaluationRequests(300, '2025', CLOUD_LATENCY)
  expect((reply as { data: { rows: unknown[] } }).data.rows).toHaveLength(300)
  const count = (request: string) => requests.filter((r) => r === request).length
  expect(count('database.getDocument principals')).toBe(1)
  expect(count('database.getDocument subdistricts')).toBe(1) // the bureau names the sub-district: does it exist?
  expect(count('database.getDocument settings')).toBe(1)
  expect(count('database.getDocument workers')).toBe(4) // 300 workers: three full pages and an empty one
  expect(count('database.getDocument tallies')).toBe(4) // one document per worker for the year, paged alike; the halves' rollups come from the same documents
  expect(count('database.getDocument communities')).toBe(1) // 20 communities
  expect(count('database.getDocument subdistrict_scores')).toBe(1) // the own scores of 2025, 2025-H1 and 2025-H2 in one query (none here: D falls back to the halves' monthly means)
  expect(count('database.getDocument evaluation_snapshots')).toBe(1) // 2025 is closed: is there a nightly snapshot? (none yet: computed live)
  expect(count('database.getDocument reviews')).toBe(1) // the sub-district's open review items, for UNDER_REVIEW
  expect(total).toBe(15)
  expect(total).toBeLessThanOrEqual(15)
})

it("reads the deployment's keys once per instance, never per rating", async () => {
  const { emulator } = await setUpCloud(yearOrg(3), { latency: CLOUD_LATENCY })
  const [api] = startInstances(emulator, 1)
  for (let i = 1; i <= 3; i += 1) {
    expect(await api.invoke({ action: 'rating.submit', payload: { workerCode: `Y000${i}`, level: 4, idempotencyKey: `keys-once-000${i}` } }, { openid: 'o-resident-keys' })).toMatchObject({ ok: true })
  }
  expect(emulator.requests.filter((r) => r.collection === 'secrets')).toHaveLength(1)
})
