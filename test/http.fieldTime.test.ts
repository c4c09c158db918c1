// Grid time over HTTP, on the built local runtime with the demo seed (DESIGN section 5): a demo worker
// starts and ends a field session, rejected calls get their status and store nothing, staff read grid
// time within their scope, and a worker reads their own results under trust rule 5.
import { addMonths, monthOf } from '@core/periods'
import type { ResultOf } from '@core/contract'
import { useLocalRuntime } from './support/localRuntime'

const WORKER = 'dev-worker-YQ01' // 刘建华, 银泉社区
const YINQUAN_ADMIN = 'dev-community-yinquan'
const QINGLONG_ADMIN = 'dev-community-qinglong'
const STAFF = 'dev-subdistrict-fushan'

const runtime = useLocalRuntime()

const call = runtime.call
const thisMonth = () => monthOf(new Date())

describe('a field session over HTTP', () => {
  it('starts (200), refuses a second start (409) and a future end (400) storing nothing, then ends (200)', async () => {
    const started = await call('field.start', { grid: '银泉花园' }, WORKER)
    expect(started.status).toBe(200)
    const { sessionId, startedAt } = (started.json as { data: ResultOf<'field.start'> }).data
    expect(Date.now() - Date.parse(startedAt)).toBeLessThan(60_000)

    const again = await call('field.start', {}, WORKER)
    expect([again.status, (again.json as { code: string }).code]).toEqual([409, 'CONFLICT'])
    const future = await call('field.end', { endedAt: new Date(Date.now() + 3_600_000).toISOString() }, WORKER)
    expect([future.status, (future.json as { message: string }).message]).toEqual([400, expect.stringContaining('不能记录将来的时间')])

    const listed = await call('field.list', { period: thisMonth() }, WORKER)
    expect((listed.json as { data: ResultOf<'field.list'> }).data.open).toEqual({ sessionId, startedAt, grid: '银泉花园' })

    const ended = await call('field.end', {}, WORKER)
    expect(ended.status).toBe(200)
    expect((ended.json as { data: ResultOf<'field.end'> }).data).toEqual({ sessionId, minutes: expect.any(Number) })
    const after = (await call('field.list', { period: thisMonth() }, WORKER)).json as { data: ResultOf<'field.list'> }
    expect(after.data.open).toBeNull()
    // only the one session: the refused start and end stored nothing
    expect(after.data.sessions.map((s) => s.sessionId)).toEqual([sessionId])
  })

  it('answers 401 without an identity and 403 for a resident', async () => {
    expect((await call('field.start', {}, undefined)).status).toBe(401)
    expect((await call('field.start', {}, 'dev-resident-1')).status).toBe(403)
    expect((await call('gridtime.get', { period: thisMonth() }, 'dev-resident-1')).status).toBe(403)
  })
})

describe('gridtime.get and gridtime.trend over HTTP', () => {
  it("gives the worker their own month's grid time against the target", async () => {
    const reply = await call('gridtime.get', { period: thisMonth() }, WORKER)
    expect(reply.status).toBe(200)
    const data = (reply.json as { data: ResultOf<'gridtime.get'> }).data
    expect(data).toMatchObject({ period: thisMonth(), target: 0.5 })
    expect(data.workingMinutes).toBe(data.workingDays * 480)
  })

  it("lets staff read a worker in their scope and refuses one outside it (403)", async () => {
    const period = addMonths(thisMonth(), -1)
    expect((await call('gridtime.get', { period, workerCode: 'YQ01' }, STAFF)).status).toBe(200)
    expect((await call('gridtime.get', { period, workerCode: 'YQ01' }, YINQUAN_ADMIN)).status).toBe(200)
    const outside = await call('gridtime.get', { period, workerCode: 'YQ01' }, QINGLONG_ADMIN)
    expect([outside.status, (outside.json as { message: string }).message]).toEqual([403, '这名社区工作者不在您负责的范围内'])
    expect((await call('gridtime.get', { period, workerCode: 'YQ02' }, WORKER)).status).toBe(403)
  })

  it('gives six months ending with this one', async () => {
    const reply = await call('gridtime.trend', {}, WORKER)
    const months = (reply.json as { data: ResultOf<'gridtime.trend'> }).data.months.map((m) => m.period)
    expect(months).toEqual([-5, -4, -3, -2, -1, 0].map((k) => addMonths(thisMonth(), k)))
  })
})

describe('worker.results over HTTP', () => {
  it("shows a demo worker last month's resident aggregate (the demo has 12+ ratings a month) and never a rater", async () => {
    const reply = await call('worker.results', { period: addMonths(thisMonth(), -1) }, WORKER)
    expect(reply.status).toBe(200)
    const data = (reply.json as { data: ResultOf<'worker.results'> }).data
    expect(data).toMatchObject({ published: true, residents: { shown: true, n: expect.any(Number), score: expect.any(Number) } })
    // and the demo's passed comments of that month, if any (trust rules 5 and 6)
    const comments = data.published && data.residents.shown ? (data.residents.comments ?? []) : []
    // text and month, and the sealed reference 举报 names it by (nothing that can be opened or recomputed)
    for (const comment of comments) {
      expect(Object.keys(comment).sort()).toEqual(['month', 'report', 'text'])
      expect(Object.keys((comment as unknown as { report: object }).report).sort()).toEqual(['kind', 'token'])
    }
    expect(reply.text).not.toMatch(/openid|seed-resident/)
    expect((await call('worker.results', { period: thisMonth() }, STAFF)).status).toBe(403)
    // this month runs: nothing but the day it is published
    expect((await call('worker.results', { period: thisMonth() }, WORKER)).json).toEqual({ ok: true, data: { period: thisMonth(), published: false, publishedOn: `${addMonths(thisMonth(), 1)}-01` } })
  })
})
