// The timer trigger's repair: a worker-month with a record still `pending` (its instance died between
// writing it and settling its tally, writes.ts) is recounted from the records and its counts in the tally
// replaced. Never over a live write: only months whose records are older than the settle time, committed
// in a transaction that checks the tally's `rev` and the people's versions. docs/cloud-consistency.md.
import { groupByPerson, levelsByPerson } from '@core/recipients'
import { emptyCounts, type PeriodCounts } from '@core/tallies'
import type { LevelHistogram } from '@core/types'
import type { CloudCollections, FeedbackDoc, RatingDoc, ScoreDoc } from './collections'
import { type CloudDb, type WithId, getOrNull, isDuplicateKey, isTransactionFailure } from './db'
import { listAll } from './lists'
import { settleTallied } from './settleTallied'
import { emptyTallyDoc, monthCountsDoc, monthField } from './tallies'
import { recipientMonthDoc } from '../../feedback/recipientsCloudbase'
import { recipientMonthId, subdistrictScoreId, tallyId } from '../ids'

type Db = CloudDb<CloudCollections>

export interface RepairReport {
  /** Worker-months whose counts were recounted and written. */
  repaired: number
  /** Worker-months with a record newer than the settle time or a change during the count: next run. */
  deferred: number
}

interface WorkerMonth {
  workerCode: string
  subdistrictId: string
  month: string
}

class TallyMoved extends Error {}

export async function repairPending(db: Db, now: Date, settleMs: number): Promise<RepairReport> {
  const cutoff = new Date(now.getTime() - settleMs).toISOString()
  const _ = db.command
  const pending = new Map<string, WorkerMonth>()
  const note = (at: WorkerMonth) => pending.set(`${at.workerCode}|${at.month}`, at)
  for (const r of await listAll(db, 'resident_ratings', { pending: true, submittedAt: _.lt(cutoff) })) note(r)
  // Feedback stays pending until here; what its tally holds is settled without a recount (settleTallied.ts).
  const { left } = await settleTallied(db, await listAll(db, 'feedback', { pending: true, submittedAt: _.lt(cutoff) }))
  for (const f of left) note(f)
  for (const s of await listAll(db, 'subdistrict_scores', { pending: true, enteredAt: _.lt(cutoff) })) {
    note({ workerCode: s.workerCode, subdistrictId: s.subdistrictId, month: s.period })
  }
  const report: RepairReport = { repaired: 0, deferred: 0 }
  for (const at of pending.values()) {
    if (await recountWorkerMonth(db, at, cutoff)) report.repaired += 1
    else report.deferred += 1
  }
  return report
}

/** Recounts one worker's month; false when it must wait for a later run. */
async function recountWorkerMonth(db: Db, at: WorkerMonth, cutoff: string): Promise<boolean> {
  const year = at.month.slice(0, 4)
  const revBefore = await currentRev(db, at, year)
  // Before the feedback: a person's document changed after this read means a feedback this count may miss.
  const personDocs = await listAll(db, 'recipient_months', { workerCode: at.workerCode, month: at.month })

  const ratings = await listAll(db, 'resident_ratings', { workerCode: at.workerCode, month: at.month })
  const feedback = await listAll(db, 'feedback', { workerCode: at.workerCode, month: at.month })
  const score = await getOrNull(db.collection('subdistrict_scores').doc(subdistrictScoreId(at.workerCode, at.month)))
  const settled = [...ratings, ...feedback].every((doc) => doc.submittedAt < cutoff) && (score === null || score.enteredAt < cutoff)
  if (!settled) return false

  const counts: PeriodCounts = emptyCounts()
  // An excluded rating or feedback is kept but counts in no tally.
  for (const r of ratings) if (r.excluded == null) counts.residents[r.level - 1] += 1
  const people = levelsByPerson(feedback.filter((f) => f.excluded == null))
  const byPerson = groupByPerson(people.values())
  counts.recipients = byPerson.single
  counts.recipientGroups = byPerson.groups
  if (score !== null) {
    counts.monthlyScoreSum = score.score
    counts.monthlyScoreCount = 1
  }
  try {
    await db.runTransaction(async (tx) => {
      const ref = tx.collection('tallies').doc(tallyId(at.workerCode, year))
      const tally = await getOrNull(ref)
      if (tally === null || tally.rev !== revBefore) throw new TallyMoved()
      // Everyone with a document or a counted feedback this month gets the recounted levels (none: zeros),
      // once every document is checked unchanged since it was read; then the tally.
      const versions = new Map(personDocs.map((doc) => [doc.openid, doc.version]))
      const rewrites: Array<() => Promise<unknown>> = []
      for (const openid of new Set([...versions.keys(), ...people.keys()])) {
        const personRef = tx.collection('recipient_months').doc(recipientMonthId(openid, at.workerCode, at.month))
        const now = await getOrNull(personRef)
        if ((now?.version ?? null) !== (versions.get(openid) ?? null)) throw new TallyMoved()
        const levels: LevelHistogram = people.get(openid) ?? [0, 0, 0, 0, 0]
        const { _id: _unused, ...doc } = recipientMonthDoc({ ...at, openid }, levels, (now?.version ?? 0) + 1)
        rewrites.push(() => personRef.set({ data: doc }))
      }
      for (const rewrite of rewrites) await rewrite()
      // The recount settles the month's feedback: the tally's names of them go with it (settleTallied.ts).
      const names = feedback.filter((f) => tally.tallied?.[f.serviceId] === true).map((f) => [`tallied.${f.serviceId}`, db.command.remove()])
      const data = { [`months.${monthField(at.month)}`]: db.command.set(monthCountsDoc(counts)), rev: db.command.inc(1), ...Object.fromEntries(names) }
      await ref.update({ data: data as never })
    })
  } catch (error) {
    // Moved meanwhile, or another writer held it (the transaction failed): the next run recounts.
    if (error instanceof TallyMoved || isTransactionFailure(error)) return false
    throw error
  }
  await settleAll(db, ratings, feedback, score)
  return true
}

/** The tally's `rev` now, creating the year's document when it is missing. */
async function currentRev(db: Db, at: WorkerMonth, year: string): Promise<number> {
  const ref = db.collection('tallies').doc(tallyId(at.workerCode, year))
  const tally = await getOrNull(ref)
  if (tally !== null) return tally.rev
  try {
    await db.collection('tallies').add({ data: { _id: tallyId(at.workerCode, year), ...emptyTallyDoc(at.workerCode, at.subdistrictId, year) } })
    return 0
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    return (await getOrNull(ref))?.rev ?? 0
  }
}

/** The counted records are accounted for: their marks go, unless a newer write has replaced them. */
async function settleAll(db: Db, ratings: RatingDoc[], feedback: FeedbackDoc[], score: WithId<ScoreDoc> | null): Promise<void> {
  const marked = [
    ...ratings.filter((r) => r.pending === true).map((r) => ['resident_ratings', r.id, r.version] as const),
    ...feedback.filter((f) => f.pending === true).map((f) => ['feedback', f.serviceId, f.version] as const),
    ...(score?.pending === true ? [['subdistrict_scores', score._id, score.version] as const] : []),
  ]
  for (const [name, id, version] of marked) {
    await db.collection(name).where({ _id: id, version } as never).update({ data: { pending: db.command.remove() } as never })
  }
}
