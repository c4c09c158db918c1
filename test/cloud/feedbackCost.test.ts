// What a recipient's feedback costs on CloudBase: the built function on the real wx-server-sdk over the
// emulator, counting database requests. feedback.submit kept within rating.submit's budget (8), its role
// lookup and idempotency record included; counting each person once per worker and month costs one
// request more, the person's levels document (cloudRecipients.ts): 9.
import type { VisitRecord } from '@backend/visits/store'
import { requestsOf, YEAR_SUBDISTRICT, yearOrg } from '../support/cloudYear'
import { CLOUD_LATENCY, setUpCloud } from '../support/cloudEnv'

it('makes a feedback with a comment and an idempotency key in 9 database requests', async () => {
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
    'database.getDocument principals', // who is calling (roles are looked up on every call)
    'database.insertDocument idempotency', // the key claimed (a taken one means a retry: read its result instead)
    'database.getDocument visits', // the visit rated: its worker, sub-district and time
    'database.getDocument workers', // whether its worker is still in post (no feedback for one who is not)
    // No settings read: a visit younger than the shortest window a setting allows (1 day) is open whatever they say.
    'database.insertDocument rate_limits', // the rater's first submit of the day opens their counter
    'database.insertDocument feedback', // the feedback, _id = visit code, marked pending (a second one is refused here)
    'database.insertDocument recipient_months', // the person's first feedback on the worker this month: their levels (a later one reads and compare-and-sets)
    'database.modifyDocument tallies', // one _.inc on the worker's tally of the year
    'database.modifyDocument feedback', // the pending mark removed
    // No result record: a feedback is never replaced nor removed, so a retry rebuilds the first result
    // from it (domain/idempotency.ts resultInWrite) and records it then.
  ])
  expect(total).toBeLessThanOrEqual(9)
})
