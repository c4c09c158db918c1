// The suspicious-pattern batch (trust rule 8) on a real SqliteStore, called directly with a `now`: each
// of the three rules with hand-worked numbers and a control that stays unflagged, one item per rating
// however often it runs. smallOrg: 浮山 has X (张敏) and Y (李强); 温泉 has Z (王芳).
import { runSuspicionCheck } from '@backend/reviews/suspicion'
import { ratingRefId, residentRatingId } from '@backend/store/ids'
import type { FeedbackRecord, ResidentRatingRecord } from '@backend/store'
import type { ReviewRecord } from '@backend/reviews/store'
import type { Level } from '@core/types'
import { SqliteStore } from '@backend/store/sqlite/sqliteStore'
import { FUSHAN, WENQUAN, X, Y, Z, smallOrg } from './support/smallOrg'
import { TEST_SECRETS } from './support/secrets'

// 2026-06-10 12:00 China time; the batch looks at 10:00-12:00 (02:00-04:00 UTC).
const NOW = new Date('2026-06-10T04:00:00.000Z')
const at = (minutes: number) => new Date(Date.UTC(2026, 5, 10, 2, 0) + minutes * 60_000).toISOString()
const subdistrictOf = (workerCode: string) => (workerCode === Z ? WENQUAN : FUSHAN)

function rating(openid: string, workerCode: string, submittedAt: string, extra: Partial<ResidentRatingRecord> = {}): ResidentRatingRecord {
  const month = submittedAt.slice(0, 7)
  return { id: residentRatingId(openid, workerCode, month), openid, workerCode, subdistrictId: subdistrictOf(workerCode), month, level: 5 as Level, comment: '', commentStatus: 'none', submittedAt, ...extra }
}

function feedback(serviceId: string, openid: string, workerCode: string, submittedAt: string): FeedbackRecord {
  return { serviceId, openid, workerCode, subdistrictId: subdistrictOf(workerCode), month: submittedAt.slice(0, 7), level: 5, comment: '', commentStatus: 'none', submittedAt }
}

let store: SqliteStore
beforeEach(async () => {
  store = new SqliteStore(':memory:')
  await store.putOrg(smallOrg())
})
afterEach(() => store.close())

/** `openids` have rated before: one feedback each on Z in May, so none of them is a first-time rater. */
async function knownRaters(openids: string[]): Promise<void> {
  await store.loadActivity({ feedback: openids.map((openid, i) => feedback(`V-old-${openid}`, openid, Z, `2026-05-0${1 + (i % 9)}T02:00:00.000Z`)) })
}

const items = async (subdistrictId: string): Promise<ReviewRecord[]> => store.reviews.listReviews(subdistrictId)
const reasonsByRater = async (subdistrictId: string) => {
  const found = await items(subdistrictId)
  const byId = new Map(found.map((item) => [item.ref.id, item.reasons]))
  return byId
}

describe('BURST: more than max(10, 5 × median daily count of 30 days) in an hour', () => {
  it('flags all 11 ratings X got within 50 minutes (median 0 → threshold 10), and only those', async () => {
    const raters = Array.from({ length: 11 }, (_, i) => `x-rater-${i + 1}`)
    await knownRaters(raters)
    for (const [i, openid] of raters.entries()) await store.submitResidentRating(rating(openid, X, at(i * 5)))
    // One more of X, 60 minutes after the 11th: no 60 minutes hold it and 10 others.
    await knownRaters(['x-late'])
    await store.submitResidentRating(rating('x-late', X, at(50 + 60)))
    expect(await runSuspicionCheck(store, NOW, TEST_SECRETS.idKey)).toBe(11)
    const flagged = await reasonsByRater(FUSHAN)
    expect(flagged.size).toBe(11)
    for (const openid of raters) expect(flagged.get(residentRatingId(openid, X, '2026-06'))).toEqual(['BURST'])
    const one = (await items(FUSHAN)).find((item) => item.ref.id === residentRatingId(raters[0], X, '2026-06'))
    expect(one).toEqual({
      id: ratingRefId({ kind: 'resident', id: residentRatingId(raters[0], X, '2026-06') }, TEST_SECRETS.idKey), ref: { kind: 'resident', id: residentRatingId(raters[0], X, '2026-06') },
      workerCode: X, subdistrictId: FUSHAN, month: '2026-06', reasons: ['BURST'], flaggedAt: NOW.toISOString(), status: 'open',
    })
  })

  it('leaves 12 in an hour alone for Y, who averaged 3 a day for 30 days (median 3 → threshold 15)', async () => {
    // 90 recipients' feedback over the 30 days before the window, 3 a day.
    const baseline = Array.from({ length: 90 }, (_, i) => {
      const day = Math.floor(i / 3) + 1
      return feedback(`V-y-${i}`, `y-rater-${(i % 12) + 1}`, Y, new Date(Date.parse(at(0)) - day * 86_400_000 + (i % 3) * 3_600_000).toISOString())
    })
    await store.loadActivity({ feedback: baseline })
    for (let i = 0; i < 12; i += 1) await store.submitResidentRating(rating(`y-rater-${i + 1}`, Y, at(i * 4)))
    expect(await runSuspicionCheck(store, NOW, TEST_SECRETS.idKey)).toBe(0)
    expect(await items(FUSHAN)).toEqual([])
  })
})

describe('NEW_RATERS: 5+ ratings of one worker within an hour from raters who never rated before', () => {
  it('flags the 5 first-time raters of Z within 40 minutes; a sixth who rated in May is not one of them', async () => {
    for (let i = 0; i < 5; i += 1) await store.submitResidentRating(rating(`new-${i + 1}`, Z, at(i * 10)))
    await knownRaters(['regular'])
    await store.submitResidentRating(rating('regular', Z, at(15)))
    expect(await runSuspicionCheck(store, NOW, TEST_SECRETS.idKey)).toBe(5)
    const flagged = await reasonsByRater(WENQUAN)
    expect([...flagged.keys()].sort()).toEqual(Array.from({ length: 5 }, (_, i) => residentRatingId(`new-${i + 1}`, Z, '2026-06')).sort())
    expect([...flagged.values()].every((reasons) => reasons.join() === 'NEW_RATERS')).toBe(true)
  })

  it('leaves 4 first-time raters in an hour alone, and 5 spread over 100 minutes', async () => {
    for (let i = 0; i < 4; i += 1) await store.submitResidentRating(rating(`new-${i + 1}`, Z, at(i * 10)))
    for (let i = 0; i < 5; i += 1) await store.submitResidentRating(rating(`spread-${i + 1}`, Y, at(i * 25)))
    expect(await runSuspicionCheck(store, NOW, TEST_SECRETS.idKey)).toBe(0)
  })
})

describe('SHARED_IP: one client address behind 5+ raters in an hour', () => {
  it('flags the 5 raters behind one address (for X, Y and Z alike), not the 4 behind another', async () => {
    const shared = ['s-1', 's-2', 's-3', 's-4', 's-5']
    const other = ['o-1', 'o-2', 'o-3', 'o-4']
    await knownRaters([...shared, ...other])
    const workers = [X, Y, Z, X, Y]
    for (const [i, openid] of shared.entries()) await store.submitResidentRating(rating(openid, workers[i], at(i * 7), { clientHash: 'h-shared' }))
    for (const [i, openid] of other.entries()) await store.submitResidentRating(rating(openid, X, at(i * 7), { clientHash: 'h-other' }))
    expect(await runSuspicionCheck(store, NOW, TEST_SECRETS.idKey)).toBe(5)
    const all = [...(await items(FUSHAN)), ...(await items(WENQUAN))]
    expect(all.map((item) => item.ref.id).sort()).toEqual(shared.map((openid, i) => residentRatingId(openid, workers[i], '2026-06')).sort())
    expect(all.every((item) => item.reasons.join() === 'SHARED_IP')).toBe(true)
  })
})

describe('the batch', () => {
  it('gives a rating one item with every reason, and adds nothing when it runs again an hour later', async () => {
    // 11 first-time raters of X from one address: a burst, new raters and a shared address at once.
    for (let i = 0; i < 11; i += 1) await store.submitResidentRating(rating(`n-${i + 1}`, X, at(i * 3), { clientHash: 'h-1' }))
    expect(await runSuspicionCheck(store, NOW, TEST_SECRETS.idKey)).toBe(11)
    expect((await items(FUSHAN)).map((item) => item.reasons)).toEqual(Array(11).fill(['BURST', 'NEW_RATERS', 'SHARED_IP']))
    expect(await runSuspicionCheck(store, new Date(NOW.getTime() + 3_600_000), TEST_SECRETS.idKey)).toBe(0)
    expect(await items(FUSHAN)).toHaveLength(11)
  })

  it('skips an excluded rating', async () => {
    for (let i = 0; i < 5; i += 1) await store.submitResidentRating(rating(`new-${i + 1}`, Z, at(i * 10)))
    await store.reviews.excludeRating({ kind: 'resident', id: residentRatingId('new-1', Z, '2026-06') }, { via: 'appeal', reason: '申诉成立', by: 'o-staff', at: at(60) })
    expect(await runSuspicionCheck(store, NOW, TEST_SECRETS.idKey)).toBe(0)
  })
})
