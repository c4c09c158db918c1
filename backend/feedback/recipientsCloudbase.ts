// One person counts once in the 服务对象 party (src/core/recipients.ts): CloudStore keeps a person's counted
// levels of a worker's month in one `recipient_months` document, moved by compare-and-set between the
// feedback's write and its tally's `_.inc`, so the tally needs no transaction; the timer's recount
// rewrites these documents too. Why this holds: docs/cloud-consistency.md.
import type { LevelHistogram } from '@core/types'
import { levelsByPerson, withLevel } from '@core/recipients'
import type { CloudCollections, RecipientMonthDoc } from '../store/cloudbase/collections'
import { type CloudDb, getOrNull, isDuplicateKey, updatedCount } from '../store/cloudbase/db'
import { listAll } from '../store/cloudbase/lists'
import { afterLostRace } from '../store/cloudbase/races'
import { type TallyChange, histogramOf, levelCountsOf, personChange } from '@core/tallyChange'
import { recipientMonthId } from '../store/ids'

type Db = CloudDb<CloudCollections>

/** Whose feedback, on whom, in which month. */
export interface PersonMonth {
  openid: string
  workerCode: string
  subdistrictId: string
  month: string
}

const MAX_ATTEMPTS = 16

export function recipientMonthDoc(at: PersonMonth, levels: Readonly<LevelHistogram>, version: number): RecipientMonthDoc & { _id: string } {
  const { openid, workerCode, subdistrictId, month } = at
  return { _id: recipientMonthId(openid, workerCode, month), openid, workerCode, subdistrictId, month, levels: levelCountsOf(levels), version }
}

/**
 * The person's levels before this change, for a document that is not there although the person's
 * feedback should be counted: rebuilt from their feedback records (`excludedNow` was just marked).
 */
async function levelsFromFeedback(db: Db, at: PersonMonth, excludedNow: string | null): Promise<LevelHistogram> {
  const records = await listAll(db, 'feedback', { openid: at.openid, workerCode: at.workerCode, month: at.month })
  const counted = records.filter((f) => f.excluded == null || f.serviceId === excludedNow)
  return levelsByPerson(counted).get(at.openid) ?? [0, 0, 0, 0, 0]
}

/**
 * Adds (`by` 1) or takes away (`by` -1, an exclusion) one feedback of `level` from the person's counted
 * levels of the month, and returns the tally change that moves them between groups. A first feedback
 * of the month is one `add`; a later one, or a lost race, reads the document and compare-and-sets it.
 */
export async function movePersonLevel(db: Db, at: PersonMonth, level: number, by: 1 | -1, serviceId: string): Promise<TallyChange> {
  const collection = db.collection('recipient_months')
  const id = recipientMonthId(at.openid, at.workerCode, at.month)
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const started = Date.now()
    const current = attempt === 1 && by === 1 ? null : await getOrNull(collection.doc(id))
    if (current === null) {
      const before = by === 1 ? ([0, 0, 0, 0, 0] as LevelHistogram) : await levelsFromFeedback(db, at, serviceId)
      try {
        await collection.add({ data: recipientMonthDoc(at, withLevel(before, level, by), 1) })
        return personChange(before, withLevel(before, level, by))
      } catch (error) {
        if (!isDuplicateKey(error)) throw error
        continue
      }
    }
    const before = histogramOf(current.levels)
    const where = { _id: id, version: current.version } as never
    const data = { levels: levelCountsOf(withLevel(before, level, by)), version: current.version + 1 } as never
    if (updatedCount(await collection.where(where).update({ data })) === 1) return personChange(before, withLevel(before, level, by))
    await afterLostRace(attempt, Date.now() - started)
  }
  throw new Error(`recipient_months ${id}: lost ${MAX_ATTEMPTS} compare-and-set races in a row`)
}
