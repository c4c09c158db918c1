// The tally documents of CloudStore: one per (worker, period key), both rated parties and the
// monthly-score rollup in one document, so an evaluation of any period reads one document per worker.
// A rating, feedback or monthly score of a month changes the tallies of its month, half-year and year
// inside the caller's transaction, with `_.inc` on nested fields so concurrent changes never overwrite.
import { periodsOfMonth } from '../../../src/core/periods'
import type { DbCommand, Transaction, UpdateData, WithId } from './cloudDb'
import { getOrNull } from './cloudDb'
import type { CloudCollections } from './cloudStore'
import type { LevelCounts, TallyChange } from './domain/tallyChange'
import { tallyId } from './ids'
import type { TallyRecord } from './store'

export interface TallyDoc {
  workerCode: string
  subdistrictId: string
  period: string
  residents: LevelCounts
  recipients: LevelCounts
  monthlyScoreSum: number
  monthlyScoreCount: number
}

/** Where a change lands: the worker, its sub-district and the month of the rating or score. */
export interface TallyTarget {
  workerCode: string
  subdistrictId: string
  month: string
}

export function tallyRecordOf(doc: TallyDoc): TallyRecord {
  const hist = (c: LevelCounts): TallyRecord['residents'] => [c.n1, c.n2, c.n3, c.n4, c.n5]
  return {
    workerCode: doc.workerCode,
    subdistrictId: doc.subdistrictId,
    period: doc.period,
    residents: hist(doc.residents),
    recipients: hist(doc.recipients),
    monthlyScoreSum: doc.monthlyScoreSum,
    monthlyScoreCount: doc.monthlyScoreCount,
  }
}

/**
 * Applies the change to the month's three tallies inside `tx`. `existing: 'read'` reads them first and
 * creates the missing ones; `'known'` is for a change that follows an earlier one of the same month
 * (a re-rate, a replaced monthly score), whose first write created all three: it only increments.
 * No side effects beyond the transaction's own writes: the SDK may run the callback again.
 */
export async function applyToTallies(
  tx: Transaction<CloudCollections>,
  command: DbCommand,
  at: TallyTarget,
  change: TallyChange,
  existing: 'read' | 'known',
): Promise<void> {
  const refs = periodsOfMonth(at.month).map((period) => ({
    period,
    ref: tx.collection('tallies').doc(tallyId(at.workerCode, period)),
  }))
  const increments = incrementsOf(change, command)
  if (existing === 'known') {
    await Promise.all(refs.map(({ ref }) => ref.update({ data: increments })))
    return
  }
  const docs: Array<WithId<TallyDoc> | null> = await Promise.all(refs.map(({ ref }) => getOrNull(ref)))
  await Promise.all(
    refs.map(({ period, ref }, i) =>
      docs[i] === null ? ref.set({ data: newTallyDoc(at, period, change) }) : ref.update({ data: increments }),
    ),
  )
}

function newTallyDoc(at: TallyTarget, period: string, change: TallyChange): TallyDoc {
  return {
    workerCode: at.workerCode,
    subdistrictId: at.subdistrictId,
    period,
    residents: { ...zeroCounts(), ...change.residents },
    recipients: { ...zeroCounts(), ...change.recipients },
    monthlyScoreSum: change.monthlyScoreSum ?? 0,
    monthlyScoreCount: change.monthlyScoreCount ?? 0,
  }
}

function zeroCounts(): LevelCounts {
  return { n1: 0, n2: 0, n3: 0, n4: 0, n5: 0 }
}

/** `_.inc` for every non-zero number of the change, nested objects kept nested (field paths). */
function incrementsOf(change: TallyChange, command: DbCommand): UpdateData<TallyDoc> {
  const inc = (counts: Partial<LevelCounts> | undefined): UpdateData<LevelCounts> | undefined => {
    const entries = Object.entries(counts ?? {}).filter(([, by]) => by !== undefined && by !== 0)
    return entries.length === 0 ? undefined : Object.fromEntries(entries.map(([field, by]) => [field, command.inc(by)]))
  }
  const data: UpdateData<TallyDoc> = {}
  const residents = inc(change.residents)
  const recipients = inc(change.recipients)
  if (residents) data.residents = residents
  if (recipients) data.recipients = recipients
  if (change.monthlyScoreSum) data.monthlyScoreSum = command.inc(change.monthlyScoreSum)
  if (change.monthlyScoreCount) data.monthlyScoreCount = command.inc(change.monthlyScoreCount)
  return data
}
