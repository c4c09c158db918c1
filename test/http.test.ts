// The local runtime as a user starts it: the built bundle, a free port, a temporary DATA_DIR,
// the demo seed — exercised over HTTP exactly as the H5 app calls it (DESIGN section 5).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { monthOf, addMonths } from '@core/index'
import type { DevIdentity, EvaluationRow, WorkerCard } from '@core/types'
import { request, startLocalRuntime, useLocalRuntime } from './support/localRuntime'
import { withKey } from './support/keys'

let outside: string
let staticDir: string
let identities: DevIdentity[]
const thisMonth = monthOf(new Date())

beforeAll(() => {
  // The build sits one level down, beside a file that must never be served.
  outside = mkdtempSync(path.join(tmpdir(), 'community-3456-h5-'))
  writeFileSync(path.join(outside, 'secret.txt'), 'SECRET-OUTSIDE-THE-BUILD')
  staticDir = path.join(outside, 'dist-h5')
  mkdirSync(staticDir)
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>社区工作者评价</title>')
  writeFileSync(path.join(staticDir, 'app.js'), 'console.log(1)')
  writeFileSync(path.join(staticDir, 'app.css'), 'body{}')
})
const runtime = useLocalRuntime(() => ({ STATIC_DIR: staticDir }))
beforeAll(async () => {
  identities = ((await runtime.call('dev.identities', {})).json as { data: DevIdentity[] }).data
})

afterAll(() => {
  rmSync(outside, { recursive: true, force: true })
})

const identity = (role: DevIdentity['role']): DevIdentity => {
  const found = identities.find((candidate) => candidate.role === role)
  if (!found) throw new Error(`no ${role} among the demo identities`)
  return found
}
const workers = () => identities.filter((candidate) => candidate.role === 'worker')

describe('start-up', () => {
  it('answers /healthz with 200', async () => {
    const reply = await request(runtime.url, { path: '/healthz' })
    expect([reply.status, reply.json]).toEqual([200, { ok: true }])
  })

  it('listens on 127.0.0.1 and says it trusts X-Openid and is not for production', () => {
    expect(runtime.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(runtime.output()).toMatch(/X-Openid/)
    expect(runtime.output()).toMatch(/不是生产部署/)
    expect(runtime.output()).toMatch(/dev-subdistrict-fushan/)
  })
})

describe('dev.identities lists every seeded identity', () => {
  it('has the 36 workers (浮山办事处 30, 温泉办事处 6), each with workerCode, communityId and subdistrictId', () => {
    expect(workers()).toHaveLength(36)
    for (const worker of workers()) {
      expect(worker).toEqual(
        expect.objectContaining({ workerCode: expect.any(String), communityId: expect.any(String), subdistrictId: expect.any(String) }),
      )
    }
    const byCommunity = new Map<string, number>()
    for (const worker of workers()) byCommunity.set(worker.communityId ?? '', (byCommunity.get(worker.communityId ?? '') ?? 0) + 1)
    // 淦河 6, 青龙 12, 银泉 18
    expect([...byCommunity.values()].sort((a, b) => a - b)).toEqual([6, 12, 18])
  })

  it('has the sub-district staff, a community admin per community, the bureau and residents', () => {
    const count = (role: DevIdentity['role']) => identities.filter((candidate) => candidate.role === role).length
    // 浮山办事处 and 温泉办事处; 银泉, 青龙 and 淦河
    expect(count('subdistrict')).toBe(2)
    expect(count('community')).toBe(3)
    expect(count('bureau')).toBe(1)
    expect(count('resident')).toBeGreaterThanOrEqual(1)
  })
})

describe('the resident path over HTTP', () => {
  it('serves a worker card to an anonymous caller', async () => {
    const code = workers()[0]?.workerCode ?? ''
    const reply = await runtime.call('worker.card', { workerCode: code })
    expect(reply.status).toBe(200)
    const card = (reply.json as { data: WorkerCard }).data
    expect(card.workerCode).toBe(code)
    expect(card.duties.length).toBeGreaterThan(0)
    expect(card.households).toBeGreaterThanOrEqual(300)
  })

  it('puts demo activity only in months before the current one, and a rating shows at once', async () => {
    const staff = identity('subdistrict')
    const evaluation = async (period: string) => {
      const reply = await runtime.call('evaluation.get', { period }, staff.openid)
      expect(reply.status).toBe(200)
      return (reply.json as { data: { rows: EvaluationRow[] } }).data.rows
    }
    const current = await evaluation(thisMonth)
    expect(current).toHaveLength(30)
    expect(current.every((row) => row.residents === null && row.recipients === null && row.subdistrict === null)).toBe(true)
    const lastMonth = await evaluation(addMonths(thisMonth, -1))
    expect(lastMonth.some((row) => (row.residents?.n ?? 0) > 0)).toBe(true)

    const worker = workers()[1]?.workerCode ?? ''
    const rated = await runtime.call('rating.submit', withKey({ workerCode: worker, level: 5 }), identity('resident').openid)
    expect(rated.status).toBe(200)
    expect(rated.json).toMatchObject({ ok: true, data: { period: thisMonth, replaced: false } })
    const after = await evaluation(thisMonth)
    expect(after.find((row) => row.workerCode === worker)?.residents?.n).toBe(1)
  })
})

describe('session.me tells the app who X-Openid names', () => {
  it('answers sub-district staff with their role and sub-district, an anonymous caller as a resident', async () => {
    const staff = identity('subdistrict')
    const reply = await runtime.call('session.me', {}, staff.openid)
    expect([reply.status, reply.json]).toEqual([
      200,
      { ok: true, data: { role: 'subdistrict', name: staff.name, subdistrictId: staff.subdistrictId } },
    ])
    expect(reply.text).not.toContain(staff.openid)
    expect((await runtime.call('session.me', {})).json).toEqual({ ok: true, data: { role: 'resident' } })
  })
})

describe('errors carry the documented status, code and a Chinese message', () => {
  const worker = () => workers()[2]?.workerCode ?? ''
  /** A worker.card request padded with an extra field to exactly `bytes` bytes of JSON. */
  const bodyOfBytes = (bytes: number) => {
    const bare = JSON.stringify({ action: 'worker.card', payload: { workerCode: worker(), pad: '' } })
    return JSON.stringify({ action: 'worker.card', payload: { workerCode: worker(), pad: 'x'.repeat(bytes - bare.length) } })
  }
  const cases: Array<[string, () => Promise<import('./support/localRuntime').Reply>, number, string]> = [
    ['an anonymous rating', () => runtime.call('rating.submit', withKey({ workerCode: worker(), level: 4 })), 401, 'UNAUTHENTICATED'],
    ['a level of 6', () => runtime.call('rating.submit', withKey({ workerCode: worker(), level: 6 }), 'o-http-test'), 400, 'INVALID_INPUT'],
    ['an unknown action', () => runtime.call('rating.delete', {}, 'o-http-test'), 400, 'INVALID_INPUT'],
    ['a resident reading evaluations', () => runtime.call('evaluation.get', { period: thisMonth }, 'o-http-test'), 403, 'FORBIDDEN'],
    ['a resident entering a score', () => runtime.call('score.submit', withKey({ workerCode: worker(), period: thisMonth, score: 90 }), 'o-http-test'), 403, 'FORBIDDEN'],
    ['a worker rating themself', () => runtime.call('rating.submit', withKey({ workerCode: worker(), level: 5 }), `dev-worker-${worker()}`), 403, 'SELF_RATING'],
    ['an unknown worker', () => runtime.call('worker.card', { workerCode: 'NOPE99' }), 404, 'NOT_FOUND'],
    ['another cloud function', () => request(runtime.url, { method: 'POST', path: '/cloud/other', body: '{}' }), 404, 'NOT_FOUND'],
    ['malformed JSON', () => request(runtime.url, { method: 'POST', path: '/cloud/api', body: '{"action":' }), 400, 'INVALID_INPUT'],
    // 64 KB = 65,536 bytes: one byte more is refused; exactly 65,536 is served (below).
    ['a body of 65,537 bytes', () => request(runtime.url, { method: 'POST', path: '/cloud/api', body: bodyOfBytes(65_537) }), 413, 'INVALID_INPUT'],
    ['a GET of the api', () => request(runtime.url, { path: '/cloud/api' }), 405, 'INVALID_INPUT'],
  ]
  it.each(cases)('%s', async (_title, send, status, code) => {
    const reply = await send()
    expect(reply.status).toBe(status)
    expect(reply.json).toEqual({ ok: false, code, message: expect.stringMatching(/[\u4e00-\u9fff]/) })
  })

  it('serves a body of exactly 64 KB (65,536 bytes)', async () => {
    expect(Buffer.byteLength(bodyOfBytes(65_536))).toBe(65_536)
    const reply = await request(runtime.url, { method: 'POST', path: '/cloud/api', body: bodyOfBytes(65_536) })
    expect(reply.status).toBe(200)
    expect(reply.json).toMatchObject({ ok: true, data: { workerCode: worker() } })
  })

  it('says 请求格式不对 for malformed JSON', async () => {
    const reply = await request(runtime.url, { method: 'POST', path: '/cloud/api', body: 'not json' })
    expect(reply.json).toEqual({ ok: false, code: 'INVALID_INPUT', message: '请求格式不对' })
  })
})

describe('static files of the h5 build', () => {
  it('serves / as index.html and files with their content types', async () => {
    const home = await request(runtime.url, { path: '/' })
    expect([home.status, home.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8'])
    expect(home.text).toContain('社区工作者评价')
    expect((await request(runtime.url, { path: '/app.js' })).headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect((await request(runtime.url, { path: '/app.css?v=1' })).headers['content-type']).toBe('text/css; charset=utf-8')
  })

  it.each(['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/..%5csecret.txt', '/%00', '/nope.js'])(
    'answers %s with 404 and never a file outside the build',
    async (requestPath) => {
      const reply = await request(runtime.url, { path: requestPath })
      expect(reply.status).toBe(404)
      expect(reply.text).not.toContain('SECRET')
    },
  )
})

it('shuts down cleanly on SIGTERM', async () => {
  const second = await startLocalRuntime()
  expect(await second.stop()).toBe(0)
})
