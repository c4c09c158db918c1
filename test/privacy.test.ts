// Privacy (DESIGN trust rule 5): no rater identity reaches workers or staff. On the demo
// seed, plus held and passed comments and a worker who rates another community's worker, EVERY action of
// the contract (reads and writes alike; actions other slices add are picked up from the table as they
// land) is called as a worker, a community admin, sub-district staff and the bureau with the payloads of
// the authorization test, and no reply may contain any openid that gave a rating or a feedback.
// dev.identities is left out: it is the local runtime's identity switcher, absent from the cloud.
import type Database from 'better-sqlite3'
import { ACCESS } from '@core/access'
import type { ActionName } from '@core/contract'
import { CALLERS, payloadOf } from './support/authorizationCalls'
import { demoCaller, type TestCaller } from './support/demoCaller'

// 2026-07-10 China time: June is the last month with demo activity.
const NOW = new Date('2026-07-10T02:00:00.000Z')

let demo: TestCaller
beforeAll(async () => {
  demo = await demoCaller({ now: NOW })
})
afterAll(() => demo.close())

const call = (action: ActionName, payload: unknown, openid: string | null) => demo.call(action, payload, openid)

/** Every openid that gave a rating or a feedback. */
function raterOpenids(): string[] {
  const db = (demo.store as unknown as { db: Database.Database }).db
  const rows = db.prepare('SELECT openid FROM resident_ratings UNION SELECT openid FROM feedback').all() as Array<{ openid: string }>
  return rows.map((row) => row.openid)
}

const READERS = CALLERS.filter((caller) => ['worker', 'community', 'subdistrict', 'bureau'].includes(caller.who))
const ACTIONS = (Object.keys(ACCESS) as ActionName[]).filter((action) => action !== 'dev.identities').sort()

it('calls every action as every kind of staff and a worker, and no reply names a rater', async () => {
  // More to leak than the demo has: a held comment and a passed one for 浮山, and a worker (QL01, of 青龙)
  // rating 银泉's YQ04 — a rater whose openid the store also knows as a principal.
  const rate = async (openid: string, comment: string) =>
    call('rating.submit', { workerCode: 'YQ04', level: 2, comment, idempotencyKey: `privacy-${openid}` }, openid)
  expect(await rate('privacy-rater-held', '这人是骗子')).toMatchObject({ ok: true })
  expect(await rate('privacy-rater-pass', '上门不及时')).toMatchObject({ ok: true })
  expect(await rate('dev-worker-QL01', '办事拖拉')).toMatchObject({ ok: true })
  expect((await call('comment.list', { subdistrictId: 'fushan' }, 'dev-subdistrict-fushan'))).toMatchObject({ ok: true, data: { comments: [expect.objectContaining({ comment: '这人是骗子' })] } })

  const raters = raterOpenids()
  // 30 workers x 12 months of demo residents, plus recipients: thousands of openids to look for.
  expect(raters.length).toBeGreaterThan(100)
  expect(raters).toEqual(expect.arrayContaining(['privacy-rater-held', 'privacy-rater-pass', 'dev-worker-QL01']))

  const leaks: string[] = []
  let answered = 0
  for (const caller of READERS) {
    for (const action of ACTIONS) {
      const reply = await call(action, payloadOf(action, caller.who, `privacy-${caller.label}-${action}`), caller.openid)
      if (reply.ok) answered += 1
      const text = JSON.stringify(reply)
      // The caller's own openid may come back to them (their own session); anyone else's as a rater may not.
      for (const openid of raters) if (openid !== caller.openid && text.includes(openid)) leaks.push(`${action} as ${caller.label}: ${openid}`)
    }
  }
  expect(leaks).toEqual([])
  // The calls did read something: most actions answered someone.
  expect(answered).toBeGreaterThan(ACTIONS.length)
})
