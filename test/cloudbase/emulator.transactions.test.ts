// Transactions in the CloudBase emulator, through the REAL wx-server-sdk 4.0.2 (DESIGN section 7).
// wx-server-sdk rewraps an error of a doc operation as an Error with a numeric errCode and no `code`;
// its runTransaction retries (3 times) only an error whose `code` is DATABASE_TRANSACTION_CONFLICT,
// which only the raw commit can give. So a conflict at a write fails the transaction once and for all,
// and a conflict found at commit runs the callback again.
// Each instance builds commands with its own `db.command`: a command made by another SDK copy is not
// recognised (its serializer checks `instanceof`) and is written as a plain object.
import { ManualClock } from './clock'
import { CloudbaseEmulator, TRANSACTION_LIFETIME_MS } from './emulator'
import { openSdkDatabase } from './realSdk'
import type { SdkCollection, SdkDatabase } from './sdkSurface'
import { rejectionOf, settledWithin } from './testing'

let emulator: CloudbaseEmulator
let clock: ManualClock

/** Two instances over one database, whose `counters/c` holds n 1. */
async function setup(): Promise<{ a: SdkDatabase; b: SdkDatabase }> {
  clock = new ManualClock()
  emulator = new CloudbaseEmulator({ collections: ['counters'], clock })
  const a = openSdkDatabase(emulator, 'a')
  const b = openSdkDatabase(emulator, 'b')
  await a.collection('counters').doc('c').set({ data: { n: 1 } })
  emulator.resetRequests()
  return { a, b }
}

afterEach(() => {
  expect(emulator.unsupported).toEqual([])
  emulator.dispose()
})


const nOf = (collection: SdkCollection, id = 'c') => collection.doc(id).get().then(({ data }) => data.n)

it('reads the snapshot taken at its start, plus its own writes', async () => {
  const { a, b } = await setup()
  const tx = await a.startTransaction()
  expect(await nOf(tx.collection('counters'))).toBe(1)
  await b.collection('counters').doc('c').update({ data: { n: 2 } })
  await b.collection('counters').doc('late').set({ data: { n: 9 } })
  expect(await nOf(tx.collection('counters'))).toBe(1)
  expect((await rejectionOf(tx.collection('counters').doc('late').get())).errMsg).toContain('does not exist')

  await tx.collection('counters').doc('mine').set({ data: { n: 5 } })
  expect(await nOf(tx.collection('counters'), 'mine')).toBe(5)
  expect(emulator.document('counters', 'mine')).toBeNull()
  await tx.commit()
  expect(emulator.document('counters', 'mine')).toEqual({ _id: 'mine', n: 5 })
})

it('fails at once a write to a document another open transaction wrote: errCode -501001, no code, no retry', async () => {
  const { a, b } = await setup()
  const _ = a.command
  const first = await a.startTransaction()
  await first.collection('counters').doc('c').update({ data: { n: _.inc(1) } })

  let attempts = 0
  const error = await rejectionOf(
    b.runTransaction(async (tx) => {
      attempts++
      await tx.collection('counters').doc('c').update({ data: { n: b.command.inc(10) } })
    }),
  )
  expect(error.errCode).toBe(-501001)
  expect(error.code).toBeUndefined()
  expect(error.errMsg).toContain('document.update:fail -501001 resource system error. WriteConflict: document counters/c')
  expect(attempts).toBe(1)
  expect(emulator.requestCount({ instance: 'b', api: 'database.startTransaction' })).toBe(1)

  await first.commit()
  expect(emulator.document('counters', 'c')).toEqual({ _id: 'c', n: 2 })
})

it('fails a write to a document someone committed after the transaction started', async () => {
  const { a, b } = await setup()
  const _ = a.command
  const outside = await a.startTransaction()
  await b.collection('counters').doc('c').update({ data: { n: 2 } })
  expect((await rejectionOf(outside.collection('counters').doc('c').set({ data: { n: 3 } }))).errCode).toBe(-501001)

  const overtaken = await a.startTransaction()
  await overtaken.collection('counters').doc('c').get()
  const other = await b.startTransaction()
  await other.collection('counters').doc('c').update({ data: { n: b.command.inc(1) } })
  await other.commit()
  expect((await rejectionOf(overtaken.collection('counters').doc('c').update({ data: { n: _.inc(1) } }))).errCode).toBe(-501001)
  expect(emulator.document('counters', 'c')).toEqual({ _id: 'c', n: 3 })
})

it('fails the commit of a transaction an error aborted with DATABASE_TRANSACTION_CONFLICT, which runTransaction retries', async () => {
  const { a } = await setup()
  const _ = a.command
  let attempts = 0
  const result = await a.runTransaction(async (tx) => {
    attempts++
    await tx.collection('counters').doc('c').update({ data: { n: _.inc(1) } })
    // The first attempt meets a duplicate key, which aborts the transaction on the server (MongoDB does).
    if (attempts === 1) await rejectionOf(tx.collection('counters').add({ data: { _id: 'c', n: 0 } }))
    return attempts
  })
  expect(result).toBe(2)
  expect(emulator.document('counters', 'c')).toEqual({ _id: 'c', n: 2 })
  expect(emulator.requestCount({ api: 'database.startTransaction' })).toBe(2)
  expect(emulator.requestCount({ api: 'database.commitTransaction' })).toBe(2)
})

it('gives up after the first run and 3 retries, rejecting with the raw node SDK error', async () => {
  const { a } = await setup()
  let attempts = 0
  const error = await rejectionOf(
    a.runTransaction(async (tx) => {
      attempts++
      await tx.collection('counters').doc('c').update({ data: { n: attempts } })
      await rejectionOf(tx.collection('counters').add({ data: { _id: 'c', n: 0 } }))
    }),
  )
  expect(attempts).toBe(4)
  expect(error.code).toBe('DATABASE_TRANSACTION_CONFLICT')
  expect(error.errCode).toBeUndefined()
  expect(emulator.document('counters', 'c')).toEqual({ _id: 'c', n: 1 })
})

it('forgets a transaction 30 s old: its requests and its commit fail with DATABASE_TRANSACTION_FAIL, which runTransaction does not retry', async () => {
  const { a, b } = await setup()
  expect(TRANSACTION_LIFETIME_MS).toBe(30_000)
  let attempts = 0
  let lateRead: unknown
  const error = await rejectionOf(
    a.runTransaction(async (tx) => {
      attempts++
      await tx.collection('counters').doc('c').update({ data: { n: 50 } })
      clock.advance(TRANSACTION_LIFETIME_MS - 1)
      // Still alive a millisecond before: its lock holds off another transaction's write.
      expect((await rejectionOf(b.runTransaction((other) => other.collection('counters').doc('c').update({ data: { n: 7 } })))).errCode).toBe(-501001)
      clock.advance(1)
      lateRead = await rejectionOf(tx.collection('counters').doc('c').get())
    }),
  )
  // A document operation: wx-server-sdk has no errCode for the code (-501001), the message says why.
  expect(lateRead).toMatchObject({ errCode: -501001, errMsg: expect.stringContaining('does not exist on server') })
  // The commit: the raw node SDK error keeps the code, and runTransaction gives up at once.
  expect(error.code).toBe('DATABASE_TRANSACTION_FAIL')
  expect(attempts).toBe(1)
  // Its write is gone and its lock released.
  expect(emulator.document('counters', 'c')).toEqual({ _id: 'c', n: 1 })
  expect(emulator.openTransactions()).toEqual([])
  await expect(b.collection('counters').doc('c').update({ data: { n: 8 } })).resolves.toMatchObject({ stats: { updated: 1 } })
})

it('allows document operations only: a where() get is refused, and where().update() is sent outside it', async () => {
  const { a } = await setup()
  const _ = a.command
  const refused = await rejectionOf(a.runTransaction((tx) => tx.collection('counters').where({ n: 1 }).get()))
  expect(refused.errCode).toBe(-501007)
  expect(refused.errMsg).toContain('single-document operations only')

  // The SDK sends where().update() of a transaction's collection without the transactionId: it is not
  // part of the transaction and stays when the transaction rolls back.
  const rolledBack = a.runTransaction(async (tx) => {
    await tx.collection('counters').where({ n: 1 }).update({ data: { n: _.inc(1) } })
    throw new Error('changed my mind')
  })
  await expect(rolledBack).rejects.toThrow('changed my mind')
  expect(emulator.document('counters', 'c')).toEqual({ _id: 'c', n: 2 })
  expect(emulator.requests.find((request) => request.api === 'database.modifyDocument')?.transactionId).toBeUndefined()

  const tooMany = await rejectionOf(a.runTransaction((tx) => tx.collection('counters').add({ data: [{ n: 1 }, { n: 2 }] })))
  expect(tooMany.errCode).toBe(-501007)
})

it('adds, removes and rolls back inside a transaction', async () => {
  const { a } = await setup()
  const tx = await a.startTransaction()
  const added = await tx.collection('counters').add({ data: { _id: 'new', n: 7 } })
  expect(added._id).toBe('new')
  expect((await rejectionOf(tx.collection('counters').add({ data: { _id: 'c', n: 0 } }))).errCode).toBe(-502001)
  // The duplicate key aborted the transaction (as MongoDB does): nothing of it is committed.
  expect((await rejectionOf(tx.commit())).code).toBe('DATABASE_TRANSACTION_CONFLICT')
  expect(emulator.document('counters', 'new')).toBeNull()

  const removal = await a.startTransaction()
  await expect(removal.collection('counters').doc('c').remove()).resolves.toMatchObject({ stats: { removed: 1 } })
  await removal.rollback()
  expect(emulator.document('counters', 'c')).toEqual({ _id: 'c', n: 1 })
  expect(emulator.openTransactions()).toEqual([])
})

it('keeps the locks of a transaction whose instance died until its 30 s are over', async () => {
  const { a, b } = await setup()
  emulator.killWhen((request) => request.instance === 'a' && request.api === 'database.commitTransaction')
  const dying = a.runTransaction(async (tx) => {
    await tx.collection('counters').doc('c').update({ data: { n: 100 } })
  })
  expect(await settledWithin(dying)).toBe(false)
  expect(emulator.openTransactions()).toEqual([{ id: expect.any(String), instance: 'a' }])

  expect((await rejectionOf(b.runTransaction((tx) => tx.collection('counters').doc('c').update({ data: { n: 5 } })))).errCode).toBe(
    -501001,
  )
  // Outside a transaction the write waits for the lock, as MongoDB makes it wait.
  const waiting = b.collection('counters').doc('c').update({ data: { n: b.command.inc(1) } })
  expect(await settledWithin(waiting)).toBe(false)
  clock.advance(TRANSACTION_LIFETIME_MS - 1)
  expect(await settledWithin(waiting)).toBe(false)
  clock.advance(1)
  await expect(waiting).resolves.toMatchObject({ stats: { updated: 1 } })
  expect(emulator.document('counters', 'c')).toEqual({ _id: 'c', n: 2 })
  expect(emulator.openTransactions()).toEqual([])
})

it('makes a write outside any transaction wait for the commit, and reads not at all', async () => {
  const { a, b } = await setup()
  const tx = await a.startTransaction()
  await tx.collection('counters').doc('c').set({ data: { n: 10 } })
  const outsideSet = b.collection('counters').doc('c').set({ data: { n: 20 } })
  expect(await settledWithin(outsideSet)).toBe(false)
  expect(await nOf(b.collection('counters'))).toBe(1)
  await tx.commit()
  await expect(outsideSet).resolves.toMatchObject({ stats: { updated: 1 } })
  expect(emulator.document('counters', 'c')).toEqual({ _id: 'c', n: 20 })
})

it('refuses, as not emulated, a second request in a transaction while one is pending', async () => {
  const { a } = await setup()
  const tx = await a.startTransaction()
  const counters = tx.collection('counters')
  const [first, second] = await Promise.allSettled([counters.doc('c').get(), counters.doc('d').get()])
  expect(first.status).toBe('fulfilled')
  expect(second).toMatchObject({
    status: 'rejected',
    reason: { message: expect.stringContaining('cloudbase emulator: unsupported concurrent requests') },
  })
  expect(emulator.unsupported).toHaveLength(1)
  emulator.unsupported.length = 0
})
