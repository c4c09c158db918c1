// A CloudBase environment for tests and the benchmark: the emulator (test/cloudbase) with our
// collections, the real wx-server-sdk, CloudStore, instances of the BUILT function, and an independent
// recount of the tallies from the stored records.
import { CloudStore } from '@backend/store/cloudbase/cloudStore'
import { COLLECTION_NAMES } from '@backend/store/cloudbase/collections'
import { SECRETS_DOC } from '@backend/secrets/cloudbase'
import { TEST_SECRETS } from './secrets'
import type { OrgSeed } from '@backend/store'
import { monthOf } from '@core/periods'
import { DEFAULT_SETTINGS } from '@core/settings'
import type { LevelHistogram } from '@core/types'
import { CloudbaseEmulator, type CloudbaseEmulatorOptions } from '../cloudbase/emulator'
import { type CloudFunctionInstance, createSdkDatabase, loadCloudFunction } from '../cloudbase/realSdk'

/**
 * The deployment's keys as admin.setup keeps them (cloudSecrets.ts), here the test process's own
 * (support/secrets.ts), so a test computes the keyed ids the function answers.
 */
export async function storeTestSecrets(emulator: CloudbaseEmulator): Promise<void> {
  await createSdkDatabase(emulator, 'seeder').collection('secrets').add({ data: { _id: SECRETS_DOC, ...TEST_SECRETS } })
}

/**
 * What a database request takes in the cost and consistency tests: a round trip from a function to the
 * database in the same region, drawn per request, so concurrent invocations interleave as they do there.
 */
export const CLOUD_LATENCY = { minMs: 10, maxMs: 20 } as const

/**
 * An environment as admin.setup leaves it: every collection, the keys, the settings, the org, each
 * worker's tally of the year. It is seeded at full speed; `latency` applies from then on.
 */
export async function setUpCloud(org: OrgSeed, options: CloudbaseEmulatorOptions = {}): Promise<{ emulator: CloudbaseEmulator; store: CloudStore }> {
  const { latency, ...rest } = options
  const emulator = new CloudbaseEmulator({ collections: COLLECTION_NAMES, ...rest })
  await storeTestSecrets(emulator)
  const store = new CloudStore(createSdkDatabase(emulator, 'seeder'))
  await store.putOrg(org)
  await store.saveSettings(DEFAULT_SETTINGS)
  await store.prepareYear(monthOf(new Date()).slice(0, 4))
  emulator.resetRequests()
  if (latency !== undefined) emulator.setLatency(latency)
  return { emulator, store }
}

/** `count` instances of the built function, each with its own module registry and warm caches. */
export function startInstances(emulator: CloudbaseEmulator, count: number, env: Record<string, string> = {}): CloudFunctionInstance[] {
  return Array.from({ length: count }, (_, i) => loadCloudFunction(emulator, { instanceId: `api-${i + 1}`, env }))
}

export interface RecountedTally {
  residents: LevelHistogram
  /** The people who gave one feedback on the worker that month; `recipientGroups[k]` those who gave k (one person counts once). */
  recipients: LevelHistogram
  recipientGroups?: Record<number, LevelHistogram>
  monthlyScoreSum: number
  monthlyScoreCount: number
}

/**
 * The tallies as the stored records say, worker by worker and period by period, counted here without the
 * store's code: each record counts in its month, its half-year (months 1-6: H1) and its year.
 */
export function recountFromRecords(emulator: CloudbaseEmulator): Map<string, RecountedTally> {
  const tallies = new Map<string, RecountedTally>()
  const at = (workerCode: string, month: string): RecountedTally[] => {
    const year = month.slice(0, 4)
    const half = `${year}-${Number(month.slice(5, 7)) <= 6 ? 'H1' : 'H2'}`
    return [month, half, year].map((period) => {
      const key = `${workerCode}|${period}`
      const tally = tallies.get(key) ?? { residents: [0, 0, 0, 0, 0], recipients: [0, 0, 0, 0, 0], monthlyScoreSum: 0, monthlyScoreCount: 0 }
      tallies.set(key, tally)
      return tally
    })
  }
  const field = (doc: Record<string, unknown>, name: string): string => String(doc[name])
  // Excluded ratings and feedback (an upheld appeal, a review) are kept but count in no tally.
  const counted = (doc: Record<string, unknown>) => doc.excluded === undefined || doc.excluded === null
  for (const r of emulator.documents('resident_ratings').filter(counted)) for (const t of at(field(r, 'workerCode'), field(r, 'month'))) t.residents[Number(r.level) - 1] += 1
  // Feedback by person: each person's levels on a worker in a month go to the singles (one feedback) or to the group of k.
  const people = new Map<string, { workerCode: string; month: string; levels: number[] }>()
  for (const f of emulator.documents('feedback').filter(counted)) {
    const key = [field(f, 'openid'), field(f, 'workerCode'), field(f, 'month')].join('|')
    const person = people.get(key) ?? { workerCode: field(f, 'workerCode'), month: field(f, 'month'), levels: [0, 0, 0, 0, 0] }
    person.levels[Number(f.level) - 1] += 1
    people.set(key, person)
  }
  for (const { workerCode, month, levels } of people.values()) {
    const k = levels.reduce((a, b) => a + b, 0)
    for (const t of at(workerCode, month)) {
      if (k === 1) levels.forEach((n, i) => (t.recipients[i] += n))
      else {
        t.recipientGroups = t.recipientGroups ?? {}
        const group = t.recipientGroups[k] ?? [0, 0, 0, 0, 0]
        levels.forEach((n, i) => (group[i] += n))
        t.recipientGroups[k] = group
      }
    }
  }
  for (const s of emulator.documents('subdistrict_scores')) {
    if (!/^\d{4}-\d{2}$/.test(field(s, 'period'))) continue
    for (const t of at(field(s, 'workerCode'), field(s, 'period'))) {
      t.monthlyScoreSum += Number(s.score)
      t.monthlyScoreCount += 1
    }
  }
  return tallies
}

/** What CloudStore.listTallies reads for the given sub-district and periods, in the recount's shape. */
export async function storedTallies(store: CloudStore, subdistrictId: string, periods: string[]): Promise<Map<string, RecountedTally>> {
  const read = await store.listTallies(subdistrictId, periods)
  return new Map(read.map((t) => [`${t.workerCode}|${t.period}`, { residents: t.residents, recipients: t.recipients, ...(t.recipientGroups === undefined ? {} : { recipientGroups: t.recipientGroups }), monthlyScoreSum: t.monthlyScoreSum, monthlyScoreCount: t.monthlyScoreCount }]))
}
