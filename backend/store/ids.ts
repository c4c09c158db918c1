// Deterministic ids, so uniqueness rules hold by construction (DESIGN 4 and trust rule 3):
// the same rater, worker and month always map to the same rating document, and a retried submit
// always finds the same idempotency record. Hashed because cloud document ids must be safe strings
// (an openid or a client key may hold characters a doc id may not) and must not reveal the rater.
// The ids a reader gets (a case, appeal or review id, a rating's reply id, a field session) are keyed with
// the deployment's idKey instead (keyedId): each is derived from things a caller knows (a visit code, their
// own worker code and start time), and an unkeyed hash of those could be recomputed and matched (trust rule 5).
import * as crypto from 'node:crypto'
import { randomBytes } from 'node:crypto'
import { hmacSha256 } from '../secrets/hmac'

/**
 * sha256 of a string, hex. Node's one-shot `crypto.hash` (20.12+) is some twice as fast as a Hash
 * object for these short texts, and a rating hashes several; older runtimes (a cloud function's) take
 * the Hash object. The same digest either way.
 */
export const sha256Hex: (text: string) => string = typeof crypto.hash === 'function'
  ? (text) => crypto.hash('sha256', text, 'hex')
  : (text) => crypto.createHash('sha256').update(text, 'utf8').digest('hex')

/** 32 hex chars (128 bits) of sha256: collision-free for any realistic number of documents. */
function hashId(text: string): string {
  return sha256Hex(text).slice(0, 32)
}

/** 32 hex chars of HMAC-SHA256 under `key`: as collision-free as hashId, and nobody without the key can compute it. */
function keyedId(key: string, text: string): string {
  return hmacSha256(key, text).toString('hex').slice(0, 32)
}

/** One resident rating per (rater, worker, month): a re-rate in the same month hits the same id. */
export function residentRatingId(openid: string, workerCode: string, month: string): string {
  return hashId(`${openid}|${workerCode}|${month}`)
}

/** Key of an idempotency record: a retry of the same action with the same key returns the first result. */
export function idempotencyKeyOf(openid: string, action: string, key: string): string {
  return hashId(`${openid}|${action}|${key}`)
}

/**
 * Document id of a worker's tally for a year (`YYYY`). Hashed like the others: a worker code may hold
 * '/', '#' and the other characters a mini-program code's scene allows, which a document id may not.
 */
export function tallyId(workerCode: string, year: string): string {
  return hashId(`tally|${workerCode}|${year}`)
}

/** One sub-district score per (worker, period key): re-entering it overwrites the same document. */
export function subdistrictScoreId(workerCode: string, period: string): string {
  return hashId(`score|${workerCode}|${period}`)
}

/** Who an invite bound to a worker record: one document per record (hashed like tallyId: a worker code may hold '/'). */
export function workerBindingId(workerCode: string): string {
  return hashId(`binding|${workerCode}`)
}

/**
 * A field session, named by its worker and start: a retried field.start of the same moment is the same
 * session. Keyed (`idKey`): the worker reads it back and knows both parts.
 */
export function fieldSessionId(workerCode: string, startedAt: string, idKey: string): string {
  return keyedId(idKey, `field|${workerCode}|${startedAt}`)
}

/** A worker's field-time state in the cloud (the open session, the end of the last one): one document per worker. */
export function fieldStateId(workerCode: string): string {
  return hashId(`field-state|${workerCode}`)
}

/** One scoring sheet per (sub-district, kind, period): creating it twice hits the same document. */
export function sheetId(subdistrictId: string, kind: string, period: string): string {
  return hashId(`sheet|${subdistrictId}|${kind}|${period}`)
}

/** One hall rota document per (community, year), holding its months: every month of a year hits the same document. */
export function hallRotaId(communityId: string, year: string): string {
  return hashId(`hall|${communityId}|${year}`)
}

/**
 * A feedback given at the hall's window: one per (person, worker, China day), so a second the same day is
 * refused as a visit's second feedback is. Keyed (`idKey`): the worker knows the day and their own code.
 */
export function hallServiceId(openid: string, workerCode: string, date: string, idKey: string): string {
  return `H${keyedId(idKey, `hall-service|${openid}|${workerCode}|${date}`)}`
}

/** One evaluation snapshot per (sub-district, period): taking it again replaces the same document. */
export function snapshotId(subdistrictId: string, period: string): string {
  return hashId(`snapshot|${subdistrictId}|${period}`)
}

/** The suffix of an audit entry's id: from its idempotency key (a retry finds the same entry), else random. */
export function auditSuffix(key: string | undefined): string {
  return key === undefined ? randomBytes(8).toString('hex') : hashId(`audit|${key}`).slice(0, 16)
}

/**
 * One report per reporter and item (backend/contentReports/store.ts): keyed (`idKey`), so the stored id
 * names no one — the reporter's openid is in it only through the key, and is kept nowhere else.
 */
export function reportId(reporter: string, kind: string, itemId: string, version: string, idKey: string): string {
  return keyedId(idKey, `report|${reporter}|${kind}|${itemId}|${version}`)
}

/**
 * The one review item, case and appeal a rating (or feedback) can have, and the id rating.submit answers:
 * `kind|id` keyed with `idKey`. Staff and workers read these ids, and a feedback's id is its visit's code,
 * which its worker knows: unkeyed, the worker could hash each visit code and find whose feedback it was.
 */
export function ratingRefId(ref: { kind: string; id: string }, idKey: string): string {
  return keyedId(idKey, `${ref.kind}|${ref.id}`)
}

/**
 * The cloud-storage folder of one uploader's files (rosters/<this>/...): keyed (`idKey`), since the path
 * reaches the client and an unkeyed hash of an openid could be recomputed by anyone who knows the openid.
 */
export function uploaderFolderId(openid: string, idKey: string): string {
  return keyedId(idKey, `uploader|${openid}`)
}

/** One person's counted feedback on one worker in one month (backend/feedback/recipientsCloudbase.ts); never leaves the back end. */
export function recipientMonthId(openid: string, workerCode: string, month: string): string {
  return hashId(`recipient|${openid}|${workerCode}|${month}`)
}
