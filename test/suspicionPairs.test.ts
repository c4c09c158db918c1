// The two suspicious patterns that look past the hour (one person counts once), on a real SqliteStore
// through the batch, with a `now`: a person whose feedback on one worker falls in 3 or more of the last 6
// months, and two workers who rate each other in one month. Each with a control that stays unflagged;
// one review item per rating, however often the batch runs. smallOrg, with Y (李强, 青龙) bound too:
// X (张敏, 银泉) and Y may rate each other — another community — but the pair goes to review.
import { runSuspicionCheck } from '@backend/reviews/suspicion'
import type { FeedbackRecord, ResidentRatingRecord } from '@backend/store'
import { residentRatingId } from '@backend/store/ids'
import { SqliteStore } from '@backend/store/sqlite/sqliteStore'
import { FUSHAN, OPENID, X, Y, smallOrg } from './support/smallOrg'
import { TEST_SECRETS } from './support/secrets'

// 2026-06-10 12:00 China time; the batch looks at 10:00-12:00 (02:00-04:00 UTC).
const NOW = new Date('2026-06-10T04:00:00.000Z')
const IN_WINDOW = '2026-06-10T02:30:00.000Z'
const WORKER_Y = 'o-worker-y'

let store: SqliteStore
beforeEach(async () => {
  store = new SqliteStore(':memory:')
  const org = smallOrg()
  org.principals.push({ openid: WORKER_Y, role: 'worker', name: '李强', workerCode: Y, communityId: 'c-qinglong', subdistrictId: FUSHAN })
  await store.putOrg(org)
})
afterEach(() => store.close())

const monthOf = (submittedAt: string) => submittedAt.slice(0, 7) // every time here is mid-month: UTC and China agree
const feedback = (serviceId: string, openid: string, workerCode: string, submittedAt: string): FeedbackRecord => ({
  serviceId, openid, workerCode, subdistrictId: FUSHAN, month: monthOf(submittedAt), level: 5, comment: '', commentStatus: 'none', submittedAt,
})
const rating = (openid: string, workerCode: string, submittedAt: string): ResidentRatingRecord => ({
  id: residentRatingId(openid, workerCode, monthOf(submittedAt)), openid, workerCode, subdistrictId: FUSHAN, month: monthOf(submittedAt), level: 5,
  comment: '', commentStatus: 'none', submittedAt,
})
const check = () => runSuspicionCheck(store, NOW, TEST_SECRETS.idKey)
/** Flagged ratings and feedback: `kind:id` → reasons. */
const flagged = async () => new Map((await store.reviews.listReviews(FUSHAN)).map((item) => [`${item.ref.kind}:${item.ref.id}`, item.reasons]))

describe('REPEAT_RECIPIENT: one person’s feedback on one worker in 3+ of the last 6 months', () => {
  it('flags January, March and June’s feedback of a person on X when June’s arrives (3 of January..June)', async () => {
    await store.loadActivity({ feedback: [feedback('V-jan', 'p-1', X, '2026-01-15T02:00:00.000Z'), feedback('V-mar', 'p-1', X, '2026-03-15T02:00:00.000Z')] })
    await store.submitFeedback(feedback('V-jun', 'p-1', X, IN_WINDOW))
    expect(await check()).toBe(3)
    expect(await flagged()).toEqual(new Map([
      ['recipient:V-jan', ['REPEAT_RECIPIENT']],
      ['recipient:V-mar', ['REPEAT_RECIPIENT']],
      ['recipient:V-jun', ['REPEAT_RECIPIENT']],
    ]))
    // the next run sees the same pattern and adds nothing
    expect(await check()).toBe(0)
  })

  it('leaves December, March and June alone (December is the 7th month back), and 2 months of many feedbacks', async () => {
    await store.loadActivity({
      feedback: [
        feedback('V-dec', 'p-1', X, '2025-12-15T02:00:00.000Z'),
        feedback('V-mar', 'p-1', X, '2026-03-15T02:00:00.000Z'),
        // p-2: four in May, one in June: 2 months
        ...[1, 2, 3, 4].map((k) => feedback(`V-may-${k}`, 'p-2', X, `2026-05-1${k}T02:00:00.000Z`)),
        // p-3: January on Y, March on X: one worker each
        feedback('V-y-jan', 'p-3', Y, '2026-01-15T02:00:00.000Z'),
        feedback('V-x-mar', 'p-3', X, '2026-03-15T02:00:00.000Z'),
      ],
    })
    await store.submitFeedback(feedback('V-jun-1', 'p-1', X, IN_WINDOW))
    await store.submitFeedback(feedback('V-jun-2', 'p-2', X, IN_WINDOW))
    await store.submitFeedback(feedback('V-jun-3', 'p-3', X, IN_WINDOW))
    expect(await check()).toBe(0)
  })
})

describe('MUTUAL_WORKERS: two workers who rate each other, or each other’s visits, in one month', () => {
  it('flags X’s rating of Y and Y’s feedback on X’s visit, both in June', async () => {
    await store.loadActivity({ feedback: [feedback('V-of-x', WORKER_Y, X, '2026-06-03T02:00:00.000Z')] })
    await store.submitResidentRating(rating(OPENID.workerX, Y, IN_WINDOW))
    expect(await check()).toBe(2)
    expect(await flagged()).toEqual(new Map([
      [`resident:${residentRatingId(OPENID.workerX, Y, '2026-06')}`, ['MUTUAL_WORKERS']],
      ['recipient:V-of-x', ['MUTUAL_WORKERS']],
    ]))
  })

  it('leaves them alone when Y rated X in May, and a resident who is no worker rating Y', async () => {
    await store.loadActivity({ feedback: [feedback('V-of-x', WORKER_Y, X, '2026-05-20T02:00:00.000Z')] })
    await store.submitResidentRating(rating(OPENID.workerX, Y, IN_WINDOW))
    await store.submitResidentRating(rating(OPENID.resident, Y, IN_WINDOW))
    expect(await check()).toBe(0)
  })
})
