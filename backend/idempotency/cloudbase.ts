// CloudStore's part of exactly-once submits (docs/idempotency.md): one `idempotency` document per key,
// `_id` = the hashed key. `add` claims it (refused when taken); every later move is a compare-and-set on
// that one document, no transaction. The claim carries its payload's hash, which no later move touches.
import type { CloudCollections } from '../store/cloudbase/collections'
import { type CloudDb, getOrNull, isDuplicateKey, updatedCount } from '../store/cloudbase/db'
import type { IdempotencyRecord } from '../store'

type Db = CloudDb<CloudCollections>
type Where = Parameters<ReturnType<Db['collection']>['where']>[0]

function recordOf(doc: IdempotencyRecord & { _id: string }): IdempotencyRecord {
  const record: IdempotencyRecord = doc.pending === true
    ? { key: doc.key, result: null, createdAt: doc.createdAt, pending: true }
    : { key: doc.key, result: doc.result ?? null, createdAt: doc.createdAt }
  if (typeof doc.payloadHash === 'string') record.payloadHash = doc.payloadHash
  return record
}

/** The hash as a field to store, none for a call that has none (a record of before). */
const hashField = (payloadHash: string | undefined) => (payloadHash === undefined ? {} : { payloadHash })

export async function getIdempotent(db: Db, key: string): Promise<IdempotencyRecord | null> {
  const doc = await getOrNull(db.collection('idempotency').doc(key))
  return doc === null ? null : recordOf(doc)
}

export async function claimIdempotent(db: Db, key: string, claimedAt: string, payloadHash?: string): Promise<IdempotencyRecord | null> {
  try {
    await db.collection('idempotency').add({ data: { _id: key, key, createdAt: claimedAt, pending: true, result: null, ...hashField(payloadHash) } })
    return null
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
  }
  // Taken: what holds it (null only if it was released between the two requests: the caller claims again).
  return getIdempotent(db, key)
}

export async function takeOverIdempotent(db: Db, key: string, staleAt: string, claimedAt: string): Promise<boolean> {
  const where = { _id: key, createdAt: staleAt, pending: true } as Where
  return updatedCount(await db.collection('idempotency').where(where).update({ data: { createdAt: claimedAt } })) === 1
}

export async function releaseIdempotent(db: Db, key: string, claimedAt: string): Promise<void> {
  await db.collection('idempotency').where({ _id: key, createdAt: claimedAt, pending: true } as Where).remove()
}

/** Completes a pending claim with the first result, or creates the record; a record with a result is never replaced. */
export async function putIdempotent(db: Db, record: IdempotencyRecord): Promise<void> {
  const collection = db.collection('idempotency')
  const result = record.result ?? null
  // `_.set`: the result replaces the claim's null as a whole instead of being merged field by field.
  const value = typeof result === 'object' && result !== null ? db.command.set(result) : result
  const done = await collection.where({ _id: record.key, pending: true } as Where).update({ data: { result: value as never, pending: false } })
  if (updatedCount(done) === 1) return
  try {
    await collection.add({ data: { _id: record.key, key: record.key, createdAt: record.createdAt, result, ...hashField(record.payloadHash) } })
  } catch (error) {
    // Taken: a result is already there, and the first one wins.
    if (!isDuplicateKey(error)) throw error
  }
}
