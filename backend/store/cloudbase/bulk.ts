// Bulk writes of CloudStore: activity loaded at once (the demo of admin.setup { demo: true }) and each
// worker's tally document of a year created ahead of its first rating. Records go in `add` batches of
// 100 documents per request; tallies are counted in memory and written once per worker and year.
import { emptyCounts, type PeriodCounts } from '@core/tallies'
import { recipientMonths } from '@core/recipients'
import { periodKind } from '@core/periods'
import type { CloudCollections, TallyDoc } from './collections'
import { type CloudDb, type UpdateData, isDuplicateKey, updatedCount } from './db'
import { listAll } from './lists'
import { emptyTallyDoc, groupField, monthCountsDoc, monthField } from './tallies'
import { recipientMonthDoc } from '../../feedback/recipientsCloudbase'
import { fieldSessionDoc } from '../../fieldTime/cloudbase'
import { defined } from './writes'
import { subdistrictScoreId, tallyId } from '../ids'
import type { ActivityLoad } from '..'

type Db = CloudDb<CloudCollections>

/** Documents per insert request: well under callFunction's and the database's request size limits. */
const BATCH = 100

async function addAll<K extends keyof CloudCollections>(db: Db, name: K, docs: Array<CloudCollections[K] & { _id: string }>): Promise<void> {
  for (let i = 0; i < docs.length; i += BATCH) await db.collection(name).add({ data: docs.slice(i, i + BATCH) })
}

interface WorkerYear {
  workerCode: string
  subdistrictId: string
  year: string
  months: Map<string, PeriodCounts>
}

/** Activity that is all new (ActivityLoad): its records, then its counts added to each worker's year. */
export async function loadActivity(db: Db, activity: ActivityLoad): Promise<void> {
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
  await addAll(db, 'visits', [...(activity.visits ?? [])].map((v) => ({ ...v, _id: v.visitCode })))
  // Ended sessions only: no worker's field state (an open session, the last end) needs to change, since
  // every new session starts at the server's clock, after these.
  await addAll(db, 'field_sessions', [...(activity.fieldSessions ?? [])].map(fieldSessionDoc))
  await addAll(db, 'resident_ratings', ratings.map((r) => ({ ...defined(r), _id: r.id, version: 1 })))
  await addAll(db, 'feedback', feedback.map((f) => ({ ...defined(f), _id: f.serviceId, version: 1 })))
  await addAll(db, 'recipient_months', personMonths)
  await addAll(db, 'subdistrict_scores', scores.map((s) => ({ ...defined(s), _id: subdistrictScoreId(s.workerCode, s.period), version: 1 })))
  for (const entry of years.values()) await addToTally(db, entry)
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
