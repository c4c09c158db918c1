// One friend lifting a worker's 服务对象 score alone (DESIGN trust rule 5: in the 服务对象 party one person
// counts once per worker and month). On the demo seed, in July (the current month, empty of feedback),
// one person has 刘建华 (YQ01) log six visits with them and rates each 非常满意; another person rates one
// visit of YQ02 基本满意. Counted per visit, the friend was six people: n 6 and a score pulled to 97.4.
// Counted as one person, YQ01 has n 1 and the mean of the friend's levels.
import { randomBytes } from 'node:crypto'
import type { ActionName } from '@core/contract'
import type { EvaluationRow } from '@core/types'
import { demoCaller, type TestCaller } from '../support/demoCaller'
import { freshKey } from '../support/keys'

// Friday 2026-07-10, 10:00 China time: June is the last month of demo activity, July is under way.
const NOW = new Date('2026-07-10T02:00:00.000Z')
const STAFF = 'dev-subdistrict-fushan'
const FRIEND = 'attack-persons-friend'
const NEIGHBOUR = 'attack-persons-neighbour'

export function personsAttacks(): void {
  describe('a friend gives six feedbacks to one worker in one month (服务对象 counts people)', () => {
    let demo: TestCaller
    beforeAll(async () => {
      demo = await demoCaller({ now: NOW })
    })
    afterAll(() => demo.close())

    const call = (action: ActionName, payload: unknown, openid: string, now: Date) => demo.call(action, payload, openid, now)

    /** A visit of the worker at `at` (stored as visit.log stores it), rated by `person` ten minutes later. */
    async function visitRated(workerCode: string, person: string, at: Date, level: number): Promise<void> {
      const worker = await demo.store.getWorker(workerCode)
      if (worker === null) throw new Error(`no demo worker ${workerCode}`)
      const visitCode = randomBytes(12).toString('base64url').slice(0, 16)
      await demo.store.visits.putVisit({ visitCode, workerCode, subdistrictId: worker.subdistrictId, communityId: worker.communityId, type: '关爱走访', place: '', note: '', at: at.toISOString() })
      const reply = await call('feedback.submit', { visitCode, level, idempotencyKey: freshKey('attack-persons') }, person, new Date(at.getTime() + 10 * 60_000))
      expect(reply).toMatchObject({ ok: true })
    }

    const rowsOf = async (): Promise<Record<string, EvaluationRow>> => {
      const reply = await call('evaluation.get', { period: '2026-07' }, STAFF, NOW)
      expect(reply).toMatchObject({ ok: true })
      const rows = (reply as unknown as { data: { rows: EvaluationRow[] } }).data.rows
      return Object.fromEntries(rows.map((row) => [row.workerCode, row]))
    }

    it('raises YQ01’s 服务对象 n by 1, not 6, and scores the friend once', async () => {
      const before = await rowsOf()
      expect([before.YQ01?.recipients, before.YQ02?.recipients]).toEqual([null, null])

      // Six visits, 1 to 6 July at 10:00 China time (02:00 UTC), each rated 非常满意 by the same friend.
      for (let day = 1; day <= 6; day += 1) await visitRated('YQ01', FRIEND, new Date(Date.UTC(2026, 6, day, 2)), 5)
      await visitRated('YQ02', NEIGHBOUR, new Date('2026-07-07T02:00:00.000Z'), 3)

      // By hand, levelPoints 5 → 100, 3 → 60, m = 5: the friend is one person with mean 100, the neighbour
      // one with 60, so C = (100 + 60) / 2 = 80; S_YQ01 = (100 + 5 · 80) / (1 + 5) = 83.33… → 83.3 and
      // S_YQ02 = (60 + 400) / 6 = 76.66… → 76.7. (Per visit: n 6, C = 660 / 7, S_YQ01 = 7500 / 77 = 97.4.)
      const after = await rowsOf()
      expect(after.YQ01?.recipients).toEqual({ n: 1, score: 83.3 })
      expect(after.YQ02?.recipients).toEqual({ n: 1, score: 76.7 })
    })
  })
}
