// The CloudBase emulator's limits, through the REAL wx-server-sdk 4.0.2 (docs/cloudbase-limits.md gives
// each figure's source): 20 requests in flight at once (the base plan's connections), the duplicate key
// in CloudBase's own code, a latency per request, and faults injected on purpose.
import { BASE_PLAN_CONNECTIONS, CloudbaseEmulator, type CloudbaseEmulatorOptions } from './emulator'
import { platformErrors } from './errors'
import { openSdkDatabase } from './realSdk'
import type { SdkDatabase } from './sdkSurface'
import { rejectionOf } from './testing'

let emulator: CloudbaseEmulator

function open(options: CloudbaseEmulatorOptions = {}, instance = 'test'): SdkDatabase {
  emulator = new CloudbaseEmulator({ collections: ['people'], ...options })
  return openSdkDatabase(emulator, instance)
}

afterEach(() => {
  expect(emulator.unsupported).toEqual([])
  emulator.dispose()
})

describe('connections', () => {
  it('takes 20 requests at once and refuses the 21st to 25th with -501004, applying nothing', async () => {
    expect(BASE_PLAN_CONNECTIONS).toBe(20)
    const db = open({ latency: 30 })
    // Five instances, five requests each, all sent in the same tick: 25 in flight.
    const instances = [db, ...['b', 'c', 'd', 'e'].map((name) => openSdkDatabase(emulator, name))]
    const writes = instances.flatMap((instance, i) => Array.from({ length: 5 }, (_, j) => instance.collection('people').doc(`p${i * 5 + j}`).set({ data: { n: 1 } })))
    const results = await Promise.allSettled(writes)
    const refused = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as { errCode: number; errMsg: string }] : []))
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(20)
    expect(refused).toHaveLength(5)
    for (const error of refused) {
      expect(error.errCode).toBe(-501004)
      expect(error.errMsg).toContain('exceed concurrent request limit')
    }
    // The refused ones wrote nothing and are counted apart from the requests that reached the database.
    expect(emulator.documents('people')).toHaveLength(20)
    expect(emulator.requests).toHaveLength(20)
    expect(emulator.refusedRequests).toHaveLength(5)
    // Once the first 20 are answered, their connections are free again.
    expect(emulator.requestsInFlight).toBe(0)
    await expect(db.collection('people').doc('late').set({ data: { n: 1 } })).resolves.toMatchObject({ stats: { created: 1 } })
  })

  it('refuses runTransaction itself with the raw EXCEED_CONCURRENT_REQUEST_LIMIT when its start finds no connection', async () => {
    const db = open({ latency: 30, maxConnections: 1 })
    const busy = db.collection('people').doc('p').set({ data: { n: 1 } })
    const error = await rejectionOf(db.runTransaction((tx) => tx.collection('people').doc('p').get()))
    expect(error.code).toBe('EXCEED_CONCURRENT_REQUEST_LIMIT')
    await busy
  })

  it('gives a connection back when its instance dies, so the dead never hold the plan', async () => {
    const db = open({ latency: 20, maxConnections: 2 })
    emulator.killWhen((request) => request.instance === 'test' && request.api === 'database.getDocument', { timing: 'after' })
    void db.collection('people').doc('p').get()
    void db.collection('people').doc('q').get()
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect(emulator.isDead('test')).toBe(true)
    expect(emulator.requestsInFlight).toBe(0)
    const other = openSdkDatabase(emulator, 'other')
    await Promise.all([other.collection('people').doc('a').set({ data: { n: 1 } }), other.collection('people').doc('b').set({ data: { n: 1 } })])
    expect(emulator.refusedRequests).toEqual([])
  })
})

describe('the duplicate key', () => {
  it("answers a taken _id with CloudBase's DATABASE_DUPLICATE_WRITE when asked: errCode -501001, the code lost, the message kept", async () => {
    const people = open({ duplicateKeyError: 'DATABASE_DUPLICATE_WRITE' }).collection('people')
    await people.doc('p').set({ data: { n: 1 } })
    const error = await rejectionOf(people.add({ data: { _id: 'p', n: 2 } }))
    expect(error.errCode).toBe(-501001)
    expect(error.code).toBeUndefined()
    expect(error.errMsg).toBe('collection.add:fail -501001 resource system error. Database write failed, index key duplicate: people _id "p"')
    expect(emulator.document('people', 'p')).toEqual({ _id: 'p', n: 1 })
  })
})

describe('latency and faults', () => {
  it('draws each request its latency between minMs and maxMs, and takes a new latency from setLatency on', async () => {
    const people = open({ latency: { minMs: 20, maxMs: 30 } }).collection('people')
    const started = Date.now()
    for (let i = 0; i < 4; i += 1) await people.doc(`p${i}`).set({ data: { n: i } })
    // Four requests one after another: at least 4 x 20 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(4 * 20 - 4)
    const seen: string[] = []
    emulator.setLatency(async (request) => void seen.push(`${request.api} ${request.collection}`))
    await people.doc('p0').get()
    expect(seen).toEqual(['database.getDocument people'])
  })

  it('fails a matching request with the platform error given, applying nothing, until the rule is removed', async () => {
    const people = open().collection('people')
    const stop = emulator.failWhen((request) => request.api === 'database.modifyDocument', () => platformErrors.requestFailed('disk full'))
    const error = await rejectionOf(people.doc('p').set({ data: { n: 1 } }))
    expect(error).toMatchObject({ errCode: -502001, errMsg: expect.stringContaining('disk full') })
    expect(emulator.document('people', 'p')).toBeNull()
    stop()
    await people.doc('p').set({ data: { n: 1 } })
    expect(emulator.document('people', 'p')).toEqual({ _id: 'p', n: 1 })
  })
})
