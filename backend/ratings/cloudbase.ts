// The CloudBase side of RatingStore (store.ts): one `resident_ratings` document per rating, `_id` = its
// deterministic id, written in the two steps of backend/store/cloudbase/writes.ts (the rating with its
// receipt by compare-and-set, marked pending; one `_.inc` on its tally; the mark removed).
import { type TallyChange, addedLevel, movedLevel } from '@core/tallyChange'
import type { CloudCollections, RatingDoc } from '../store/cloudbase/collections'
import { type CloudDb, getOrNull } from '../store/cloudbase/db'
import { type KnownState, type WriteReceipt, recordOf, twoStepWrite } from '../store/cloudbase/writes'
import type { CloudLimitStore } from '../limits/cloudbase'
import type { CounterNote } from '../limits/store'
import type { ClaimedWrite, RecordClaims, SubmitReceipt } from './recordClaims'
import { writeClaimedFeedback } from '../feedback/cloudbase'
import type { FeedbackRecord, RatingReceipt, RatingRef, ResidentRatingRecord } from '../store/records'

type Db = CloudDb<CloudCollections>

/**
 * A first rating adds one to its level; a re-rate moves one from the level it replaces (nothing if the
 * same). An excluded rating is in no tally: its re-rate keeps `excluded` (the update does not
 * touch it) and moves nothing.
 */
function ratingChange(previous: RatingDoc | null, rating: ResidentRatingRecord): TallyChange | null {
  if (previous === null) return { residents: addedLevel(rating.level) }
  if (previous.excluded !== undefined && previous.excluded !== null) return null
  const moved = movedLevel(previous.level, rating.level)
  return moved === null ? null : { residents: moved }
}

function write(db: Db, rating: ResidentRatingRecord, receipt: WriteReceipt | undefined) {
  return twoStepWrite(db, 'resident_ratings', rating.id, rating, (previous: RatingDoc | null) => ratingChange(previous, rating), rating, receipt)
}

export async function writeRating(db: Db, rating: ResidentRatingRecord, receiptKey?: string): Promise<{ replaced: boolean }> {
  const written = await write(db, rating, receiptKey === undefined ? undefined : { key: receiptKey })
  return 'held' in written ? { replaced: written.held.replaced } : written
}

/** The rating as its submit's claim (recordClaims.ts): held when it carries this key already. */
export async function writeClaimedRating(db: Db, rating: ResidentRatingRecord, receipt: SubmitReceipt, known?: KnownState): Promise<ClaimedWrite> {
  const written = await twoStepWrite(db, 'resident_ratings', rating.id, rating, (previous: RatingDoc | null) => ratingChange(previous, rating), rating, receipt, known)
  return 'held' in written ? { kind: 'held', receipt: written.held } : { kind: 'written', replaced: written.replaced }
}

export async function getResidentRating(db: Db, id: string): Promise<ResidentRatingRecord | null> {
  const doc = await getOrNull(db.collection('resident_ratings').doc(id))
  return doc === null ? null : recordOf<ResidentRatingRecord>(doc)
}

export async function getRatingReceipt(db: Db, id: string): Promise<RatingReceipt | null> {
  const doc = await getOrNull(db.collection('resident_ratings').doc(id))
  return doc?.receipt ?? null
}

/** Where a rater's note on their counter keeps a rating of theirs: the month and the worker. */
const notedAs = (rating: ResidentRatingRecord) => `${rating.month}_${rating.workerCode}`

/**
 * Ratings and feedback as their submits' claims on CloudBase (recordClaims.ts). A rating's submit leaves
 * a note on its rater's counter (read with their role on every call, backend/limits/cloudbase.ts), so
 * their re-rate of that worker this month knows the rating's state without reading it.
 */
export class CloudRecordClaims implements RecordClaims {
  constructor(
    private readonly db: Db,
    private readonly limits: CloudLimitStore,
  ) {}

  counterNote(rating: ResidentRatingRecord, receipt: SubmitReceipt): CounterNote {
    return { rated: { [notedAs(rating)]: { k: receipt.key, l: rating.level } } }
  }

  writeRating(rating: ResidentRatingRecord, receipt: SubmitReceipt): Promise<ClaimedWrite> {
    const noted = this.limits.ratedNote(rating.openid, notedAs(rating))
    // A note naming this very key is a retry's own write: read it (held), do not guard on it.
    const known = noted === undefined || noted.k === receipt.key ? undefined : { receiptKey: noted.k, level: noted.l }
    return writeClaimedRating(this.db, rating, receipt, known)
  }

  writeFeedback(feedback: FeedbackRecord, receipt: SubmitReceipt): Promise<ClaimedWrite> {
    return writeClaimedFeedback(this.db, feedback, receipt)
  }

  async receiptOf(ref: RatingRef): Promise<RatingReceipt | null> {
    if (ref.kind === 'resident') return getRatingReceipt(this.db, ref.id)
    return (await getOrNull(this.db.collection('feedback').doc(ref.id)))?.receipt ?? null
  }
}
