// What a recipient's feedback costs on CloudBase: the built function on the real wx-server-sdk over the
// emulator, counting database requests: 6, the role lookup included. Whether the visit's worker is in post
// comes with the visit (a mark their going out of post sets), so the worker is not read; counting each
// person once per worker and month costs the person's levels document (recipientsCloudbase.ts); the
// pending mark is removed by the timer (backend/store/cloudbase/settleTallied.ts).
import type { VisitRecord } from '@backend/visits/store'
import { requestsOf, YEAR_SUBDISTRICT, yearOrg } from '../support/cloudYear'
import { CLOUD_LATENCY, setUpCloud } from '../support/cloudEnv'

it('makes a feedback with a comment and an idempotency key in 6 database requests', async () => {
  const { emulator, store } = await setUpCloud(yearOrg(3), { latency: CLOUD_LATENCY })
  const visit: VisitRecord = {
    visitCode: 'Vq8ZrT2mWc4Kx7Ls',
    workerCode: 'Y0001',
    subdistrictId: YEAR_SUBDISTRICT,
    communityId: `${YEAR_SUBDISTRICT}-c1`,
    type: '帮办代办',
    place: '',
    note: '',
    at: new Date(Date.now() - 10 * 60_000).toISOString(),
  }
  await store.visits.putVisit(visit)
  emulator.resetRequests()
  const payload = { visitCode: visit.visitCode, level: 4, comment: '办得很快', idempotencyKey: 'feedback-first-0001' }
  const { total, requests, reply } = await requestsOf(emulator, { action: 'feedback.submit', payload }, 'o-recipient-first')
  expect(reply).toMatchObject({ ok: true, data: { feedbackId: visit.visitCode } })
  expect(requests).toEqual([
    'database.getDocument principals', // who is calling (roles are looked up on every call), and their rate-limit counter
    'database.getDocument visits', // the visit rated: its worker, sub-district, time, and whether the worker is still in post (no feedback for one who is not)
    // No settings read: a visit younger than the shortest window a setting allows (1 day) is open whatever they say.
    'database.insertDocument principals', // the rater's first submit opens their rate-limit counter (read with the principal above)
    'database.insertDocument feedback', // the feedback, _id = visit code, with its receipt (the submit's claim), marked pending (a second one is refused here)
    'database.insertDocument recipient_months', // the person's first feedback on the worker this month: their levels (a later one reads and compare-and-sets)
    'database.modifyDocument tallies', // one _.inc on the worker's tally of the year, naming the feedback; the timer removes its pending mark
    // No idempotency document: the feedback's receipt is the claim, and a retry answers from it (claimInRecord.ts).
  ])
  expect(total).toBeLessThanOrEqual(6)
})
