// A rater's contact data, tried by everyone who should not have it (DESIGN trust rules 9 and 7). On the
// small organisation (浮山: 银泉 with 张敏 W001 and its admin 周书记, 青龙; the bureau), rated Fri 2026-10-09:
// - a call-back phone read as each role: only 银泉's admin, and only while the case is open, may read the
//   number; 浮山's staff and the bureau read 已留电话; 青龙's admin and the worker nothing. Before the
//   rule every staff member in scope read the number, and it stayed in the store after the case closed
//   and for ever after;
// - a comment with a phone number spaced out, held for review: the moderator, then (released) the worker,
//   read it masked. Before, both read the number as written;
// - a community named 青龙社区 + U+200B beside 青龙社区: refused as the same name. Before, it was created.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SqliteStore } from '@backend/store/sqlite/sqliteStore'
import type { ActionName } from '@core/contract'
import type { Envelope } from '@core/errors'
import { DEFAULT_SETTINGS } from '@core/settings'
import { dataOf, scriptedModeration } from '../support/apiHarness'
import { callerOn } from '../support/demoCaller'
import { withKey } from '../support/keys'
import { FUSHAN, OPENID, X, smallOrg } from '../support/smallOrg'

const RATED_AT = new Date('2026-10-09T02:00:00.000Z')
const RATER = 'o-attack-rater'
const PHONE = '13912345678'
const QINGLONG_ADMIN = 'o-attack-admin-qinglong'

interface World {
  store: SqliteStore
  now: Date
  call(openid: string | null, action: ActionName, payload: object): Promise<Envelope<unknown>>
}

async function world(file = ':memory:'): Promise<World> {
  const store = new SqliteStore(file)
  await store.putOrg(smallOrg())
  await store.putOrg({ subdistricts: [], communities: [], grids: [], posts: [], workers: [], principals: [{ openid: QINGLONG_ADMIN, role: 'community', name: '青龙社区 孙书记', communityId: 'c-qinglong', subdistrictId: FUSHAN }] })
  await store.saveSettings(DEFAULT_SETTINGS)
  const caller = callerOn(store, { now: RATED_AT, moderation: scriptedModeration({ 待复核: 'review' }) })
  const w: World = {
    store,
    now: new Date(RATED_AT),
    call: (openid, action, payload) => caller.call(action, withKey(payload), openid, w.now),
  }
  return w
}

/** A level-1 rating of 张敏 with a phone number left for the call-back: the case's id. */
async function caseWithPhone(w: World): Promise<string> {
  dataOf(await w.call(RATER, 'rating.submit', { workerCode: X, level: 1 }))
  const [opened] = await w.store.cases.listByRater(RATER)
  dataOf(await w.call(RATER, 'case.contact', { caseId: opened.id, phone: PHONE }))
  return opened.id
}

/** What the database really keeps of the case (the case store's own handle), not what a reply shows. */
const rawCase = (w: World, caseId: string): string =>
  (w.store.cases as unknown as { db: { prepare(sql: string): { get(id: string): { json: string } } } }).db.prepare('SELECT json FROM cases WHERE id = ?').get(caseId).json

export function contactsAttacks(): void {
  describe('attacks on contact data: a call-back phone, a phone in a comment, an invisible character in a name', () => {
    let w: World
    beforeEach(async () => {
      w = await world()
    })
    afterEach(() => w.store.close())

    it('reads a case’s phone as each role: only the handling admin reads the number; 已留电话 to sub-district and bureau; nothing to the others', async () => {
      const caseId = await caseWithPhone(w)
      const contactOf = async (openid: string) => (dataOf<{ contact?: unknown }>(await w.call(openid, 'case.get', { caseId }))).contact
      expect(await contactOf(OPENID.communityAdmin)).toEqual({ phone: PHONE })
      expect(await contactOf(OPENID.fushanStaff)).toEqual({ left: true })
      expect(await contactOf(OPENID.bureau)).toEqual({ left: true })
      for (const openid of [OPENID.fushanStaff, OPENID.bureau, QINGLONG_ADMIN, OPENID.workerX]) {
        for (const action of ['case.list', 'case.get', 'case.worker'] as const) {
          const reply = await w.call(openid, action, action === 'case.get' ? { caseId } : {})
          expect({ openid, action, leaks: JSON.stringify(reply).includes(PHONE) }).toEqual({ openid, action, leaks: false })
        }
      }
    })

    it('closes the case: the admin no longer reads the number, and the raw store row no longer has it', async () => {
      const caseId = await caseWithPhone(w)
      dataOf(await w.call(OPENID.communityAdmin, 'case.callback', { caseId, reached: true, outcome: '已电话联系，当面致歉' }))
      dataOf(await w.call(OPENID.communityAdmin, 'case.rectify', { caseId, note: '调整排班，上门前一天电话确认' }))
      dataOf(await w.call(RATER, 'case.confirm', { caseId, verdict: '满意' }))
      expect(JSON.stringify(await w.call(OPENID.communityAdmin, 'case.get', { caseId }))).not.toContain(PHONE)
      expect(rawCase(w, caseId)).not.toContain(PHONE)
    })

    it('closes the case on a database file: no byte of the number is left in the file once the store is closed', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'attack-phone-'))
      const file = join(dir, 'store.db')
      const onDisk = await world(file)
      try {
        const caseId = await caseWithPhone(onDisk)
        dataOf(await onDisk.call(OPENID.communityAdmin, 'case.callback', { caseId, reached: true, outcome: '已电话联系，当面致歉' }))
        dataOf(await onDisk.call(OPENID.communityAdmin, 'case.rectify', { caseId, note: '调整排班，上门前一天电话确认' }))
        dataOf(await onDisk.call(RATER, 'case.confirm', { caseId, verdict: '满意' }))
        onDisk.store.close()
        // The last connection closing checkpoints the WAL into the file; what is left is all there is.
        const bytes = [file, `${file}-wal`].filter(existsSync).map((path) => readFileSync(path).toString('latin1')).join('')
        expect(bytes.includes(PHONE)).toBe(false)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    })

    it('a phone number left 31 days ago on a case still open is erased from the store by the scheduled job', async () => {
      const caseId = await caseWithPhone(w)
      // The job the cloud timer and the local runtime run hourly; before the rule there was none.
      const job = (await import('@backend/cases/caseContacts').catch(() => null)) as { eraseExpiredPhones(store: SqliteStore, now: Date): Promise<number> } | null
      expect(job === null ? 'no job erases call-back numbers' : 'a job').toBe('a job')
      await job!.eraseExpiredPhones(w.store, new Date(RATED_AT.getTime() + 31 * 24 * 3_600_000))
      expect(rawCase(w, caseId)).not.toContain(PHONE)
      expect(JSON.stringify(await w.call(OPENID.communityAdmin, 'case.get', { caseId }))).not.toContain(PHONE)
    })

    it('releases a comment with a spaced phone number: the moderator and then the worker read it masked', async () => {
      dataOf(await w.call('o-attack-a', 'rating.submit', { workerCode: X, level: 5, comment: '待复核 有事打 1 3 9 1 2 3 4 5 6 7 8' }))
      dataOf(await w.call('o-attack-b', 'rating.submit', { workerCode: X, level: 4, comment: '待复核 我的电话 139 1234 5678' }))
      for (const [i, level] of [5, 4, 5].entries()) dataOf(await w.call(`o-attack-${i}`, 'rating.submit', { workerCode: X, level }))
      const { comments } = dataOf<{ comments: Array<{ ref: unknown; submittedAt: string; comment: string }> }>(await w.call(OPENID.fushanStaff, 'comment.list', {}))
      expect(comments.map((c) => c.comment).sort()).toEqual(['待复核 我的电话 139****5678', '待复核 有事打 139****5678'])
      for (const held of comments) dataOf(await w.call(OPENID.fushanStaff, 'comment.decide', { ref: held.ref, submittedAt: held.submittedAt, decision: 'release' }))
      // October has closed: the worker reads its results and comments.
      w.now = new Date('2026-11-02T02:00:00.000Z')
      const seen = JSON.stringify(dataOf(await w.call(OPENID.workerX, 'worker.results', { period: '2026-10' })))
      expect(seen).toContain('有事打 139****5678')
      expect(seen).toContain('我的电话 139****5678')
      expect(seen).not.toMatch(/1 3 9 1 2|1234 5678/)
    })

    it('names a community 青龙社区 + U+200B beside 青龙社区: refused as the same name, nothing stored', async () => {
      const before = await w.store.listCommunities(FUSHAN)
      expect(await w.call(OPENID.bureau, 'org.community.save', { subdistrictId: FUSHAN, name: '青龙社区\u200B' })).toMatchObject({ ok: false, code: 'CONFLICT' })
      expect(await w.store.listCommunities(FUSHAN)).toEqual(before)
    })
  })
}
