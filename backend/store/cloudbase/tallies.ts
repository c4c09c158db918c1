// The tally documents of CloudStore (see TallyDoc): one per worker and year, holding each month's
// counts. A change of a month is ONE `_.inc` update of one document — no transaction, so any number of
// raters of one worker can write at once (a transaction would fail at once on the shared document,
// DESIGN section 7; docs/cloud-consistency.md). Half-years and the year are rolled up from the months on
// read, by src/core.
import type { PeriodCounts } from '@core/tallies'
import { rollUpMonths, tallyCounts } from '@core/tallies'
import type { RecipientGroups } from '@core/types'
import type { CloudCollections, MonthCountsDoc, MonthField, TallyDoc } from './collections'
import { type CloudDb, type DbCommand, type UpdateData, isDuplicateKey, updatedCount } from './db'
import { type LevelCounts, type TallyChange, histogramOf, levelCountsOf as levelCounts } from '@core/tallyChange'
import { tallyId } from '../ids'
import type { TallyRecord } from '..'

/** Where a change lands: the worker, its sub-district and the month of the rating or score. */
export interface TallyTarget {
  workerCode: string
  subdistrictId: string
  month: string
}

export function monthField(month: string): MonthField {
  return `m${month.slice(5, 7)}`
}

export function emptyTallyDoc(workerCode: string, subdistrictId: string, year: string): TallyDoc {
  return { workerCode, subdistrictId, year, rev: 0, months: {} }
}

/** A person-count group's field in a month (`g.k3`: the people who gave 3 feedbacks). */
export const groupField = (k: number | string): `k${number}` => `k${Number(k)}`

export function monthCountsDoc(counts: PeriodCounts): MonthCountsDoc {
  const groups = Object.entries(counts.recipientGroups).map(([k, hist]) => [groupField(k), levelCounts(hist)] as const)
  return {
    r: levelCounts(counts.residents),
    s: levelCounts(counts.recipients),
    ...(groups.length === 0 ? {} : { g: Object.fromEntries(groups) }),
    ss: counts.monthlyScoreSum,
    sc: counts.monthlyScoreCount,
  }
}

function periodCountsOf(doc: MonthCountsDoc): PeriodCounts {
  const histogram = histogramOf
  const groups: RecipientGroups = {}
  for (const [field, counts] of Object.entries(doc.g ?? {})) {
    const hist = histogram(counts ?? {})
    if (hist.some((n) => n !== 0)) groups[Number(field.slice(1))] = hist
  }
  return { residents: histogram(doc.r ?? {}), recipients: histogram(doc.s ?? {}), recipientGroups: groups, monthlyScoreSum: doc.ss ?? 0, monthlyScoreCount: doc.sc ?? 0 }
}

/** The requested periods' tallies of one worker-year document (periods of other years are not in it). */
export function tallyRecordsOf(doc: TallyDoc, periods: readonly string[]): TallyRecord[] {
  const months = Object.entries(doc.months).map(([field, counts]) => [`${doc.year}-${field.slice(1)}`, periodCountsOf(counts ?? ({} as MonthCountsDoc))] as const)
  const rolled = rollUpMonths(months)
  return periods.flatMap((period) => {
    const counts = rolled.get(period)
    return counts === undefined ? [] : [{ workerCode: doc.workerCode, subdistrictId: doc.subdistrictId, period, ...tallyCounts(counts) }]
  })
}

/** `_.inc` on the month's fields (field paths, so concurrent changes of other fields never collide), and on `rev`. */
function incrementsOf(month: string, change: TallyChange, command: DbCommand): UpdateData<TallyDoc> {
  const at = `months.${monthField(month)}`
  const data: UpdateData<TallyDoc> = { rev: command.inc(1) }
  const add = (path: string, by: number | undefined) => {
    if (by !== undefined && by !== 0) data[`${at}.${path}` as `${string}.${string}`] = command.inc(by)
  }
  for (const [level, by] of Object.entries(change.residents ?? {})) add(`r.${level}`, by)
  for (const [level, by] of Object.entries(change.recipients ?? {})) add(`s.${level}`, by)
  for (const [k, levels] of Object.entries(change.recipientGroups ?? {})) {
    for (const [level, by] of Object.entries(levels)) add(`g.${groupField(k)}.${level}`, by)
  }
  add('ss', change.monthlyScoreSum)
  add('sc', change.monthlyScoreCount)
  return data
}

/** The change as a whole new document (its year's first change of this worker). */
function newDocWith(at: TallyTarget, change: TallyChange): TallyDoc {
  const counts = (c: Partial<LevelCounts> | undefined): LevelCounts => ({ n1: 0, n2: 0, n3: 0, n4: 0, n5: 0, ...c })
  const doc = emptyTallyDoc(at.workerCode, at.subdistrictId, at.month.slice(0, 4))
  doc.rev = 1
  doc.months[monthField(at.month)] = {
    r: counts(change.residents),
    s: counts(change.recipients),
    ...(change.recipientGroups === undefined
      ? {}
      : { g: Object.fromEntries(Object.entries(change.recipientGroups).map(([k, levels]) => [groupField(k), counts(levels)])) }),
    ss: change.monthlyScoreSum ?? 0,
    sc: change.monthlyScoreCount ?? 0,
  }
  return doc
}

/**
 * Applies the change to the worker's tally of the month's year: one request when the document exists
 * (admin.setup and the timer trigger create each worker's document of the year ahead). When it does
 * not, `update` changes nothing (`updated: 0`, never silently taken as done): the document is created
 * holding the change, and if another instance created it first, the increment is applied to theirs.
 */
export async function applyToTally(db: CloudDb<CloudCollections>, at: TallyTarget, change: TallyChange, tallied?: string): Promise<void> {
  const ref = db.collection('tallies').doc(tallyId(at.workerCode, at.month.slice(0, 4)))
  // A feedback's change names the feedback in the same update: the timer settles it from that (recount.ts).
  const noted = tallied === undefined ? {} : { [`tallied.${tallied}`]: true }
  const increments = { ...incrementsOf(at.month, change, db.command), ...noted } as UpdateData<TallyDoc>
  if (updatedCount(await ref.update({ data: increments })) === 1) return
  try {
    await db.collection('tallies').add({ data: { _id: tallyId(at.workerCode, at.month.slice(0, 4)), ...newDocWith(at, change), ...(tallied === undefined ? {} : { tallied: { [tallied]: true as const } }) } })
    return
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
  }
  if (updatedCount(await ref.update({ data: increments })) !== 1) {
    throw new Error(`tally ${at.workerCode} ${at.month} neither updated nor created`)
  }
}
