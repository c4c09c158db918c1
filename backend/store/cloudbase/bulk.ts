// Bulk writes of CloudStore: activity loaded at once (the demo of admin.setup { demo: true }) and each
// worker's tally document of a year created ahead of its first rating. Records go in `add` batches of
// 100 documents per request, 8 requests at once; tallies are counted in memory and written once per
// worker and year. The demo is about 600 requests: at 25 ms each one after another that is 15 s of a
// 20 s timeout, 8 at once about 3 s. A resumed load (the same activity again, after a load killed
// midway) adds only the records not stored yet, and rebuilds the counts: the tallies, people's months
// and field states it would write are removed first and written whole from the activity.
import { emptyCounts, type PeriodCounts } from '@core/tallies'
import { recipientMonths } from '@core/recipients'
import { periodKind } from '@core/periods'
import type { CloudCollections, TallyDoc } from './collections'
import { type CloudDb, type UpdateData, isDuplicateKey, updatedCount } from './db'
import { listAll } from './lists'
import { emptyTallyDoc, groupField, monthCountsDoc, monthField } from './tallies'
import { recipientMonthDoc } from '../../feedback/recipientsCloudbase'
import { fieldSessionDoc } from '../../fieldTime/cloudbase'
import { addLoadedMinutes } from '../../fieldTime/minutesCloudbase'
import { defined } from './writes'
import { fieldStateId, subdistrictScoreId, tallyId } from '../ids'
import type { ActivityLoad } from '..'

type Db = CloudDb<CloudCollections>

/** Documents per insert request: well under callFunction's and the database's request size limits. */
const BATCH = 100
/** Requests of a bulk load in flight at once: well under the base plan's 20 connections (limitRetry.ts). */
const BULK_CONCURRENCY = 8

/** Runs `work` on every item, BULK_CONCURRENCY at a time. */
async function eachAtOnce<T>(items: readonly T[], work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0
  const lane = async (): Promise<void> => {
    while (next < items.length) await work(items[next++])
  }
  await Promise.all(Array.from({ length: Math.min(BULK_CONCURRENCY, items.length) }, lane))
}

function batchesOf<T>(items: readonly T[], size = BATCH): T[][] {
  const batches: T[][] = []
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size))
  return batches
}

/**
 * Inserts the documents in batches. `resume`: some may be stored already. A batch is stored whole or not
 * at all unless an `add` met a taken id (it stops there, MongoDB's ordered insert): so a batch whose
 * `add` fails on a taken id is read back, and only what is missing is added.
 */
async function addAll<K extends keyof CloudCollections>(db: Db, name: K, docs: Array<CloudCollections[K] & { _id: string }>, resume = false): Promise<void> {
  await eachAtOnce(batchesOf(docs), async (batch) => {
    try {
      await db.collection(name).add({ data: batch })
    } catch (error) {
      if (!resume || !isDuplicateKey(error)) throw error
      const fresh = await notStored(db, name, batch)
      if (fresh.length > 0) await db.collection(name).add({ data: fresh })
    }
  })
}

async function notStored<K extends keyof CloudCollections>(db: Db, name: K, batch: Array<CloudCollections[K] & { _id: string }>): Promise<Array<CloudCollections[K] & { _id: string }>> {
  const where = { _id: db.command.in(batch.map((doc) => doc._id)) } as never
  const { data } = await db.collection(name).where(where).limit(BATCH).get()
  const stored = new Set(data.map((doc) => doc._id))
  return batch.filter((doc) => !stored.has(doc._id))
}

/** A resumed load's counts are rebuilt whole: the documents holding them go first. */
async function removeAll(db: Db, name: 'tallies' | 'recipient_months' | 'field_states', ids: string[]): Promise<void> {
  await eachAtOnce(batchesOf(ids), (batch) => db.collection(name).where({ _id: db.command.in(batch) } as never).remove())
}

interface WorkerYear {
  workerCode: string
  subdistrictId: string
  year: string
  months: Map<string, PeriodCounts>
}

/**
 * Activity that is all new (ActivityLoad): its records, then its counts added to each worker's year.
 * `resume`: the same load again after it stopped midway (see the top of this file).
 */
export async function loadActivity(db: Db, activity: ActivityLoad, resume = false): Promise<void> {
  const years = new Map<string, WorkerYear>()
  const countsOf = (at: { workerCode: string; subdistrictId: string; month: string }): PeriodCounts => {
    const key = `${at.workerCode}|${at.month.slice(0, 4)}`
    let entry = years.get(key)
    if (entry === undefined) {
      entry = { workerCode: at.workerCode, subdistrictId: at.subdistrictId, year: at.month.slice(0, 4), months: new Map() }
      years.set(key, entry)
    }
    const counts = entry.months.get(at.month) ?? emptyCounts()
    entry.months.set(at.month, counts)
    return counts
  }
  const ratings = [...(activity.ratings ?? [])]
  const feedback = [...(activity.feedback ?? [])]
  const scores = [...(activity.scores ?? [])]
  // An excluded rating is stored but counts in no tally.
  for (const r of ratings) if (r.excluded === undefined) countsOf(r).residents[r.level - 1] += 1
  // Feedback by person: one person counts once per worker and month (src/core/recipients.ts).
  const personMonths: Array<ReturnType<typeof recipientMonthDoc>> = []
  for (const { first, people, counts: byPerson } of recipientMonths(feedback.filter((f) => f.excluded === undefined))) {
    const counts = countsOf(first)
    counts.recipients = byPerson.single
    counts.recipientGroups = byPerson.groups
    for (const [openid, levels] of people) personMonths.push(recipientMonthDoc({ ...first, openid }, levels, 1))
  }
  for (const s of scores.filter((score) => periodKind(score.period) === 'month')) {
    const counts = countsOf({ ...s, month: s.period })
    counts.monthlyScoreSum += s.score
    counts.monthlyScoreCount += 1
  }
  const fieldSessions = [...(activity.fieldSessions ?? [])]
  if (resume) {
    await removeAll(db, 'tallies', [...years.values()].map((entry) => tallyId(entry.workerCode, entry.year)))
    await removeAll(db, 'recipient_months', personMonths.map((doc) => doc._id))
    await removeAll(db, 'field_states', [...new Set(fieldSessions.map((session) => fieldStateId(session.workerCode)))])
  }
  await addAll(db, 'visits', [...(activity.visits ?? [])].map((v) => ({ ...v, _id: v.visitCode })), resume)
  // Ended sessions only: their minutes and last end go to their workers' field states, which reports read
  // (no open session changes: every new session starts at the server's clock, after these).
  await addAll(db, 'field_sessions', fieldSessions.map(fieldSessionDoc), resume)
  await addLoadedMinutes(db, fieldSessions)
  await addAll(db, 'resident_ratings', ratings.map((r) => ({ ...defined(r), _id: r.id, version: 1 })), resume)
  await addAll(db, 'feedback', feedback.map((f) => ({ ...defined(f), _id: f.serviceId, version: 1 })), resume)
  await addAll(db, 'recipient_months', personMonths)
  await addAll(db, 'subdistrict_scores', scores.map((s) => ({ ...defined(s), _id: subdistrictScoreId(s.workerCode, s.period), version: 1 })), resume)
  await eachAtOnce([...years.values()], (entry) => addToTally(db, entry))
}

/** Adds a worker's loaded months to their tally of the year: one `_.inc` update, or a new document. */
async function addToTally(db: Db, entry: WorkerYear): Promise<void> {
  const _ = db.command
  const id = tallyId(entry.workerCode, entry.year)
  const increments: UpdateData<TallyDoc> = { rev: _.inc(1) }
  for (const [month, counts] of entry.months) {
    const doc = monthCountsDoc(counts)
    const at = `months.${monthField(month)}`
    const groups = Object.entries(doc.g ?? {}).map(([k, levels]) => [`g.${groupField(k.slice(1))}`, levels] as const)
    for (const [party, levels] of [['r', doc.r], ['s', doc.s], ...groups] as const) {
      for (const [level, n] of Object.entries(levels)) if (n !== 0) increments[`${at}.${party}.${level}`] = _.inc(n)
    }
    if (doc.sc !== 0) {
      increments[`${at}.ss`] = _.inc(doc.ss)
      increments[`${at}.sc`] = _.inc(doc.sc)
    }
  }
  if (updatedCount(await db.collection('tallies').doc(id).update({ data: increments })) === 1) return
  const created = emptyTallyDoc(entry.workerCode, entry.subdistrictId, entry.year)
  created.rev = 1
  for (const [month, counts] of entry.months) created.months[monthField(month)] = monthCountsDoc(counts)
  await db.collection('tallies').add({ data: { ...created, _id: id } })
}

/**
 * Creates every worker's tally document of the year that is missing, so that the year's first rating of
 * a worker is one `_.inc` like any other. Returns how many it created.
 */
export async function prepareYear(db: Db, year: string): Promise<number> {
  const workers = await listAll(db, 'workers', {})
  const existing = new Set((await listAll(db, 'tallies', { year })).map((doc) => doc.workerCode))
  const missing = workers.filter((worker) => !existing.has(worker.code))
  const docs = missing.map((worker) => ({ ...emptyTallyDoc(worker.code, worker.subdistrictId, year), _id: tallyId(worker.code, year) }))
  try {
    await addAll(db, 'tallies', docs)
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    // A rating created one meanwhile: add the rest one by one, leaving the ones that exist.
    for (const doc of docs) {
      try {
        await db.collection('tallies').add({ data: doc })
      } catch (inner) {
        if (!isDuplicateKey(inner)) throw inner
      }
    }
  }
  return missing.length
}
