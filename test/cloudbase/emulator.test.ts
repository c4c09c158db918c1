// The CloudBase emulator through the REAL wx-server-sdk 4.0.2: collections, set/update/add, the
// 100-row cap of get(), loud failure of what it does not emulate, request accounting, instance death
// and latency. Transactions: emulator.transactions.test.ts; queries: emulator.queries.test.ts.
import { CloudbaseEmulator, type CloudbaseEmulatorOptions } from './emulator'
import { openSdkDatabase } from './realSdk'
import type { SdkDatabase } from './sdkSurface'
import { idsOf, rejectionOf, settledWithin } from './testing'

let emulator: CloudbaseEmulator

function open(options: CloudbaseEmulatorOptions = {}, instance = 'test'): SdkDatabase {
  emulator = new CloudbaseEmulator({ collections: ['people'], ...options })
  return openSdkDatabase(emulator, instance)
}

afterEach(() => {
  expect(emulator.unsupported).toEqual([])
  emulator.dispose()
})

describe('collections', () => {
  it('fails every operation on a missing collection with -502005, "database collection not exists"', async () => {
    const db = open()
    const nowhere = db.collection('nowhere')
    const attempts: Array<Promise<unknown>> = [
      nowhere.doc('a').get(),
      nowhere.doc('a').set({ data: { n: 1 } }),
      nowhere.doc('a').update({ data: { n: 1 } }),
      nowhere.doc('a').remove(),
      nowhere.add({ data: { n: 1 } }),
      nowhere.where({ n: 1 }).get(),
      nowhere.where({ n: 1 }).count(),
      nowhere.where({ n: 1 }).update({ data: { n: 2 } }),
      nowhere.where({ n: 1 }).remove(),
      db.runTransaction((tx) => tx.collection('nowhere').doc('a').get()),
    ]
    for (const attempt of attempts) {
      const error = await rejectionOf(attempt)
      expect(error.errCode).toBe(-502005)
      expect(error.errMsg).toContain('database collection not exists')
    }
  })

  it('creates a collection with db.createCollection, and refuses an existing name', async () => {
    const db = open({ collections: ['people', 'places'] })
    expect(emulator.listCollections()).toEqual(['people', 'places'])
    await expect(db.createCollection('tallies')).resolves.toMatchObject({ errMsg: 'createCollection:ok' })
    expect(emulator.listCollections()).toEqual(['people', 'places', 'tallies'])
    await db.collection('tallies').doc('t').set({ data: { n: 1 } })

    const error = await rejectionOf(db.createCollection('tallies'))
    // createCollection wraps the node SDK's TcbError itself: errCode -1, the platform code kept on `code`.
    expect(error).toMatchObject({ errCode: -1, code: 'DATABASE_COLLECTION_ALREADY_EXIST' })
    expect(error.errMsg).toContain('createCollection:fail [ResourceUnavailable.ResourceExist] Table exist')
    expect(emulator.document('tallies', 't')).toEqual({ _id: 't', n: 1 })
  })
})

describe('set, update and add', () => {
  it('update of a missing document creates nothing and reports updated 0', async () => {
    const people = open().collection('people')
    await expect(people.doc('ghost').update({ data: { n: 1 } })).resolves.toMatchObject({ stats: { updated: 0 } })
    expect(emulator.document('people', 'ghost')).toBeNull()
    expect((await rejectionOf(people.doc('ghost').get())).errMsg).toBe('document.get:fail document with _id ghost does not exist')
  })

  it('set creates a missing document and replaces an existing one whole', async () => {
    const people = open().collection('people')
    await expect(people.doc('p').set({ data: { a: 1, b: { c: 2 } } })).resolves.toMatchObject({ _id: 'p', stats: { updated: 0, created: 1 } })
    await expect(people.doc('p').set({ data: { d: 4 } })).resolves.toMatchObject({ stats: { updated: 1, created: 0 } })
    expect(emulator.document('people', 'p')).toEqual({ _id: 'p', d: 4 })
    // Writing what is already there modifies nothing (MongoDB's nModified).
    await expect(people.doc('p').set({ data: { d: 4 } })).resolves.toMatchObject({ stats: { updated: 0, created: 0 } })
  })

  it('update changes only the fields it names, nested objects by path', async () => {
    const people = open().collection('people')
    await people.doc('p').set({ data: { name: '张敏', residents: { n1: 0, n4: 2 } } })
    await expect(people.doc('p').update({ data: { residents: { n4: 3 } } })).resolves.toMatchObject({ stats: { updated: 1 } })
    expect((await people.doc('p').get()).data).toEqual({ _id: 'p', name: '张敏', residents: { n1: 0, n4: 3 } })
  })

  it('add refuses an _id that exists with the duplicate key error, and generates one without', async () => {
    const people = open().collection('people')
    await people.doc('p').set({ data: { n: 1 } })
    const error = await rejectionOf(people.add({ data: { _id: 'p', n: 2 } }))
    expect(error.errCode).toBe(-502001)
    expect(error.errMsg).toContain('E11000 duplicate key error collection: people index: _id_ dup key: { _id: "p" }')
    expect(emulator.document('people', 'p')).toEqual({ _id: 'p', n: 1 })

    const added = await people.add({ data: { n: 3 } })
    expect(added._id).toMatch(/^[0-9a-f]{32}$/)
    expect(emulator.document('people', added._id ?? '')).toEqual({ _id: added._id, n: 3 })
  })

  it('keeps dates and numbers as they were written', async () => {
    const people = open().collection('people')
    const at = new Date('2026-03-20T02:00:00.123Z')
    await people.doc('p').set({ data: { at, int: 7, real: 2.5, big: 2 ** 40, list: [1, 'two', null] } })
    expect((await people.doc('p').get()).data).toEqual({ _id: 'p', at, int: 7, real: 2.5, big: 2 ** 40, list: [1, 'two', null] })
  })
})

describe('get() of a query', () => {
  const rows = Array.from({ length: 150 }, (_, i) => ({ _id: `r${String(i).padStart(3, '0')}`, i }))

  it('returns at most 100 rows per call whatever limit() says; the rest comes with skip()', async () => {
    const people = open().collection('people')
    await people.add({ data: rows })
    expect((await people.where({}).limit(1000).get()).data).toHaveLength(100)
    expect((await people.where({}).get()).data).toHaveLength(100)
    const rest = (await people.where({}).orderBy('_id', 'asc').skip(100).limit(1000).get()).data
    expect(idsOf(rest)).toEqual(rows.slice(100).map((row) => row._id))
    expect((await people.where({}).count()).total).toBe(150)
  })

  it('returns up to 1000 when the emulator is told the platform allows it', async () => {
    const people = open({ maxRowsPerGet: 1000 }).collection('people')
    await people.add({ data: rows })
    expect((await people.where({}).limit(1000).get()).data).toHaveLength(150)
  })
})

describe('what it does not emulate', () => {
  it('fails loudly and records it', async () => {
    const db = open()
    const people = db.collection('people')
    const regex = (await rejectionOf(people.where({ name: /^张/ }).get())).message
    expect(regex).toContain('cloudbase emulator: unsupported')
    const serverDate = (await rejectionOf(people.doc('p').set({ data: { at: Reflect.get(db, 'serverDate')() } }))).message
    expect(serverDate).toContain('cloudbase emulator: unsupported')
    await expect(emulator.send('test', 'database.aggregateDocuments', {})).rejects.toThrow('cloudbase emulator: unsupported api')
    await expect(emulator.send('test', 'database.getDocument', { collectionName: 'people', hint: 'x' })).rejects.toThrow(
      'cloudbase emulator: unsupported param hint',
    )
    expect(emulator.unsupported).toHaveLength(4)
    expect(emulator.unsupported[0]).toMatch(/^cloudbase emulator: unsupported .*value of type BSONRegExp/)
    emulator.unsupported.length = 0
  })
})

describe('accounting', () => {
  it('records every request with its instance, api, collection and transaction', async () => {
    const db = open({}, 'instance-1')
    const _ = db.command
    await db.collection('people').doc('p').set({ data: { n: 1 } })
    await db.runTransaction(async (tx) => {
      await tx.collection('people').doc('p').get()
      await tx.collection('people').doc('p').update({ data: { n: _.inc(1) } })
    })
    const [set, start, get, update, commit] = emulator.requests
    expect(set).toEqual({ instance: 'instance-1', api: 'database.modifyDocument', collection: 'people' })
    expect(start).toEqual({ instance: 'instance-1', api: 'database.startTransaction' })
    const transactionId = get.transactionId
    expect(get).toEqual({ instance: 'instance-1', api: 'database.getDocument', collection: 'people', transactionId })
    expect(update).toEqual({ instance: 'instance-1', api: 'database.modifyDocument', collection: 'people', transactionId })
    expect(commit).toEqual({ instance: 'instance-1', api: 'database.commitTransaction', transactionId })
    expect(emulator.requestCount()).toBe(5)
    expect(emulator.requestCount({ api: 'database.modifyDocument' })).toBe(2)
    expect(emulator.requestCount((request) => request.transactionId !== undefined)).toBe(3)
    emulator.resetRequests()
    expect(emulator.requestCount()).toBe(0)
  })
})

describe('instance death', () => {
  it('before: the matching request is not applied, and nothing the instance sends settles any more', async () => {
    emulator = new CloudbaseEmulator({ collections: ['people'] })
    const doomed = openSdkDatabase(emulator, 'doomed').collection('people')
    const survivor = openSdkDatabase(emulator, 'survivor').collection('people')
    emulator.killWhen((request) => request.instance === 'doomed' && request.api === 'database.modifyDocument')
    expect(await settledWithin(doomed.doc('p').set({ data: { n: 1 } }))).toBe(false)
    expect(emulator.isDead('doomed')).toBe(true)
    expect(emulator.document('people', 'p')).toBeNull()
    expect(await settledWithin(doomed.where({}).get())).toBe(false)
    await expect(survivor.doc('p').set({ data: { n: 2 } })).resolves.toMatchObject({ stats: { created: 1 } })
    // Requests of a dead instance never reach the database: only the survivor's is counted.
    expect(emulator.requests).toEqual([{ instance: 'survivor', api: 'database.modifyDocument', collection: 'people' }])
  })

  it('after: the matching request is applied, then the instance dies without an answer', async () => {
    emulator = new CloudbaseEmulator({ collections: ['people'] })
    const doomed = openSdkDatabase(emulator, 'doomed').collection('people')
    emulator.killWhen((request) => request.api === 'database.modifyDocument', { timing: 'after' })
    expect(await settledWithin(doomed.doc('p').set({ data: { n: 1 } }))).toBe(false)
    expect(emulator.document('people', 'p')).toEqual({ _id: 'p', n: 1 })
    expect(emulator.requestCount({ instance: 'doomed' })).toBe(1)
  })
})

describe('latency', () => {
  it('applies a request on a later macrotask by default, so concurrent callers interleave', async () => {
    const people = open().collection('people')
    const pending = people.doc('p').set({ data: { n: 1 } })
    await Promise.resolve()
    expect(emulator.document('people', 'p')).toBeNull()
    await pending
    expect(emulator.document('people', 'p')).toEqual({ _id: 'p', n: 1 })
  })

  it('waits the given milliseconds, or awaits the given function, before each request', async () => {
    const slow = open({ latency: 40 }).collection('people')
    const started = Date.now()
    await slow.doc('p').set({ data: { n: 1 } })
    expect(Date.now() - started).toBeGreaterThanOrEqual(35)

    let delays = 0
    const counted = open({ latency: async () => void delays++ }).collection('people')
    await counted.doc('p').set({ data: { n: 1 } })
    await counted.doc('p').get()
    expect(delays).toBe(2)
  })
})
