// Queries and update operators in the CloudBase emulator, through the REAL wx-server-sdk 4.0.2:
// MongoDB's semantics for what the SDK's serializers send (nested objects become dotted paths).
import { CloudbaseEmulator } from './emulator'
import { openSdkDatabase } from './realSdk'
import type { SdkCollection, SdkDatabase, SdkFields } from './sdkSurface'
import { idsOf, rejectionOf } from './testing'

let emulator: CloudbaseEmulator
let db: SdkDatabase
let people: SdkCollection

const PEOPLE = [
  { _id: 'p1', name: 'A', age: 30, city: { name: 'X', zip: 1 }, tags: ['a', 'b'], version: 3 },
  { _id: 'p2', name: 'B', age: 40, city: { name: 'Y', zip: 2 }, tags: ['b'], version: 1 },
  { _id: 'p3', name: 'C', age: 25, city: { name: 'X', zip: 3 }, tags: [], nick: null },
  { _id: 'p4', name: 'D', age: 35 },
]

beforeEach(async () => {
  emulator = new CloudbaseEmulator({ collections: ['people'] })
  db = openSdkDatabase(emulator)
  people = db.collection('people')
  await people.add({ data: PEOPLE })
})

afterEach(() => {
  expect(emulator.unsupported).toEqual([])
  emulator.dispose()
})

const found = async (condition: SdkFields | ReturnType<SdkDatabase['command']['or']>) => idsOf((await people.where(condition).get()).data)

describe('where()', () => {
  it('matches nested objects and dotted paths', async () => {
    const _ = db.command
    expect(await found({ city: { name: 'X' } })).toEqual(['p1', 'p3'])
    expect(await found({ 'city.zip': _.gte(2) })).toEqual(['p2', 'p3'])
  })

  it('takes in, nin, neq and ranges, comparing only values of the same type', async () => {
    const _ = db.command
    expect(await found({ name: _.in(['A', 'D']) })).toEqual(['p1', 'p4'])
    expect(await found({ name: _.nin(['A', 'D']) })).toEqual(['p2', 'p3'])
    expect(await found({ age: _.neq(30) })).toEqual(['p2', 'p3', 'p4'])
    expect(await found({ age: _.gt(25).and(_.lt(40)) })).toEqual(['p1', 'p4'])
    expect(await found({ name: _.gt(30) })).toEqual([])
  })

  it('tells missing fields from null ones with exists, and matches both with null', async () => {
    const _ = db.command
    expect(await found({ city: _.exists(false) })).toEqual(['p4'])
    expect(await found({ nick: _.exists(true) })).toEqual(['p3'])
    expect(await found({ nick: _.eq(null) })).toEqual(['p1', 'p2', 'p3', 'p4'])
  })

  it('matches an array by any element, and combines conditions with or', async () => {
    const _ = db.command
    expect(await found({ tags: 'b' })).toEqual(['p1', 'p2'])
    expect(await found(_.or({ age: _.lt(26) }, { name: 'D' }))).toEqual(['p3', 'p4'])
  })

  it('orders (missing first), skips, limits and projects', async () => {
    expect(idsOf((await people.where({}).orderBy('age', 'desc').get()).data)).toEqual(['p2', 'p4', 'p1', 'p3'])
    expect(idsOf((await people.where({}).orderBy('city.zip', 'asc').get()).data)).toEqual(['p4', 'p1', 'p2', 'p3'])
    // ages ascending: p3 25, p1 30, p4 35, p2 40
    expect(idsOf((await people.where({}).orderBy('age', 'asc').skip(1).limit(2).get()).data)).toEqual(['p1', 'p4'])
    expect((await people.where({ name: 'A' }).field({ name: true, 'city.zip': true }).get()).data).toEqual([
      { _id: 'p1', name: 'A', city: { zip: 1 } },
    ])
    expect((await people.doc('p4').field({ age: false }).get()).data).toEqual({ _id: 'p4', name: 'D' })
  })

  it('counts', async () => {
    // ages 30, 40, 35 are >= 30
    expect((await people.where({ age: db.command.gte(30) }).count()).total).toBe(3)
  })
})

describe('writes by query', () => {
  it('updates every matching document, and removes them', async () => {
    const _ = db.command
    await expect(people.where({ city: { name: 'X' } }).update({ data: { visits: _.inc(1) } })).resolves.toMatchObject({ stats: { updated: 2 } })
    expect(emulator.document('people', 'p3')).toMatchObject({ visits: 1 })
    await expect(people.where({ age: _.lt(30) }).remove()).resolves.toMatchObject({ stats: { removed: 1 } })
    expect(idsOf(emulator.documents('people'))).toEqual(['p1', 'p2', 'p4'])
  })

  it('is a compare-and-set per document: of two racing updates of version 3, one wins', async () => {
    const other = openSdkDatabase(emulator, 'other').collection('people')
    const [mine, theirs] = await Promise.all([
      people.where({ _id: 'p1', version: 3 }).update({ data: { version: 4, by: 'mine' } }),
      other.where({ _id: 'p1', version: 3 }).update({ data: { version: 4, by: 'theirs' } }),
    ])
    expect([mine.stats.updated, theirs.stats.updated]).toEqual([1, 0])
    expect(emulator.document('people', 'p1')).toMatchObject({ version: 4, by: 'mine' })
  })
})

describe('update operators', () => {
  it('applies inc, set, remove, push and mul at nested paths', async () => {
    const _ = db.command
    await people.doc('p1').update({
      data: { age: _.inc(-5), city: { zip: 9 }, tags: _.push('c'), nickname: _.set({ first: 'x' }), version: _.remove(), score: _.inc(2) },
    })
    await people.doc('p1').update({ data: { score: _.mul(10) } })
    expect(emulator.document('people', 'p1')).toEqual({
      _id: 'p1',
      name: 'A',
      age: 25,
      city: { name: 'X', zip: 9 },
      tags: ['a', 'b', 'c'],
      nickname: { first: 'x' },
      score: 20,
    })
  })

  it('fails as MongoDB does: $inc of a string, a path through a scalar, overlapping paths', async () => {
    const _ = db.command
    for (const data of [{ name: _.inc(1) }, { 'age.years': 1 }, { city: _.set({ name: 'Z' }), 'city.zip': 1 }]) {
      const error = await rejectionOf(people.doc('p1').update({ data }))
      expect(error.errCode).toBe(-502001)
    }
    expect(emulator.document('people', 'p1')).toEqual(PEOPLE[0])
  })
})
