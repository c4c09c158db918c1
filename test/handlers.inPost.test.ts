// A worker no longer in post collects nothing: rating.submit (already), feedback.submit on any visit of
// theirs — also one logged while they were in post — and visit.log by them are refused with 409 and
// store nothing; worker.card and visit.card say so, so the pages show it instead of the form. Their
// earlier ratings and feedback stay. Through dispatch on a real SqliteStore; smallOrg: X is 张敏 (银泉).
import { newVisitCode } from '@backend/visits/visitCodes'
import type { ResultOf } from '@core/contract'
import { INACTIVE_WORKER_MESSAGE } from '@core/org'
import { DEFAULT_SETTINGS } from '@core/settings'
import type { VisitCard } from '@core/visits'
import { createHarness, dataOf, type Harness } from './support/apiHarness'
import { storeHash } from './support/authorizationCalls'
import { withKey } from './support/keys'
import { FUSHAN, OPENID, X } from './support/smallOrg'

const VISITED = new Date('2026-03-15T02:00:00Z') // 10:00 China time
const RECIPIENT = 'o-recipient-1'
const DAY = 24 * 60 * 60 * 1000

let api: Harness
beforeEach(async () => {
  api = await createHarness(new Date(VISITED))
})
afterEach(() => api.close())

const call = (action: string, payload: object, openid: string | null) => api.call({ action, payload: withKey(payload) }, openid)
const setInPost = (active: boolean) => api.store.org.updateWorker(X, { postId: 'post-zhuanzhi', gridId: 'g-yq-1', active })
async function putVisit(at: Date): Promise<string> {
  const code = newVisitCode()
  await api.store.visits.putVisit({ visitCode: code, workerCode: X, subdistrictId: FUSHAN, communityId: 'c-yinquan', type: '关爱走访', place: '', note: '', at: at.toISOString() })
  return code
}
const recipientsOf = async () => (await api.store.listTallies(FUSHAN, ['2026-03'])).find((t) => t.workerCode === X)?.recipients ?? null

describe('feedback.submit on a visit of a worker no longer in post', () => {
  it('is refused (409) and counts nothing, though the visit was logged while they were in post', async () => {
    const earlier = await putVisit(VISITED)
    const visitCode = await putVisit(VISITED)
    api.now = new Date(VISITED.getTime() + 20 * 60_000)
    expect(await call('feedback.submit', { visitCode: earlier, level: 5 }, RECIPIENT)).toMatchObject({ ok: true })
    await setInPost(false)
    const before = storeHash(api.store)
    expect(await call('feedback.submit', { visitCode, level: 5 }, 'o-recipient-2')).toEqual({ ok: false, code: 'CONFLICT', message: INACTIVE_WORKER_MESSAGE })
    expect(storeHash(api.store)).toBe(before)
    // the earlier feedback stays and counts: one level 5
    expect(await recipientsOf()).toEqual([0, 0, 0, 0, 1])
    expect(await api.store.visits.getFeedback(visitCode)).toBeNull()
    // back in post, the same visit can be rated again
    await setInPost(true)
    expect(await call('feedback.submit', { visitCode, level: 4 }, 'o-recipient-2')).toMatchObject({ ok: true })
    expect(await recipientsOf()).toEqual([0, 0, 0, 1, 1])
  })

  it('says "not in post" rather than "closed" when the visit is both old and of a worker no longer in post', async () => {
    const visitCode = await putVisit(VISITED)
    api.now = new Date(VISITED.getTime() + 8 * DAY) // the 7-day window has passed too
    await setInPost(false)
    expect(await call('feedback.submit', { visitCode, level: 5 }, RECIPIENT)).toMatchObject({ ok: false, code: 'CONFLICT', message: INACTIVE_WORKER_MESSAGE })
  })
})

describe('the feedback window, read from the settings only for a visit older than a day', () => {
  it('refuses a visit 2 days old under a 1-day window, and takes one 23 hours old without reading the settings', async () => {
    await api.store.saveSettings({ ...DEFAULT_SETTINGS, feedbackWindowDays: 1 })
    const old = await putVisit(VISITED)
    api.now = new Date(VISITED.getTime() + 2 * DAY)
    expect(await call('feedback.submit', { visitCode: old, level: 4 }, RECIPIENT)).toEqual({ ok: false, code: 'INVALID_INPUT', message: '这次服务的评价已经截止：服务后 1 天内才能评价' })
    const fresh = await putVisit(new Date(api.now.getTime() - 23 * 60 * 60_000))
    const getSettings = jest.spyOn(api.store, 'getSettings')
    expect(await call('feedback.submit', { visitCode: fresh, level: 4 }, RECIPIENT)).toMatchObject({ ok: true })
    // the rate limit reads settings only from a rater's second submit of the day: this is their first
    expect(getSettings).not.toHaveBeenCalled()
    getSettings.mockRestore()
  })
})

describe('visit.log by a worker no longer in post', () => {
  it('is refused (409) with what to do, and stores nothing', async () => {
    await setInPost(false)
    const before = storeHash(api.store)
    expect(await call('visit.log', { type: '关爱走访' }, OPENID.workerX)).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '您已不在岗，不能登记服务。如已回到岗位，请联系社区管理员改为在岗。',
    })
    expect(storeHash(api.store)).toBe(before)
    expect(await api.store.visits.listVisits(X, '2000-01-01', '2100-01-01')).toEqual([])
  })
})

describe('what the pages read', () => {
  it('worker.card marks the worker inactive; visit.card closes feedback because of it', async () => {
    const visitCode = await putVisit(VISITED)
    expect(dataOf<ResultOf<'worker.card'>>(await call('worker.card', { workerCode: X }, null)).inactive).toBeUndefined()
    expect(dataOf<VisitCard>(await call('visit.card', { visitCode }, RECIPIENT))).toMatchObject({ feedbackOpen: true, closedBecause: null })
    await setInPost(false)
    expect(dataOf<ResultOf<'worker.card'>>(await call('worker.card', { workerCode: X }, null)).inactive).toBe(true)
    expect(dataOf<VisitCard>(await call('visit.card', { visitCode }, RECIPIENT))).toMatchObject({ feedbackOpen: false, closedBecause: 'inactive' })
  })
})
