// A month's rota as the admin's page reads it (HallRotaView): the days with names and each on-duty
// worker's B, every worker's hall days, and what the generate form starts from.
import { addMonths, monthOf } from '@core/periods'
import { DEFAULT_SETTINGS } from '@core/settings'
import { type Calendar, hallDaysOf, meanHallDays, partnersOf, suggestedSetup, workingDatesOf } from '@core/hallRota'
import type { HallRota, HallRotaSetup, HallRotaView, HallWorker } from '@core/hallSchemas'
import { isActiveWorker } from '@core/org'
import type { CommunityRecord, Store } from '../store'
import type { HallRotaRecord } from './store'

/** The community's workers in post, in worker-code order, with their posts' names. */
export async function inPostWorkers(store: Store, communityId: string): Promise<HallWorker[]> {
  const [workers, posts] = await Promise.all([store.catalog.listCommunityWorkers(communityId), store.catalog.listPosts()])
  const postName = new Map(posts.map((post) => [post.id, post.name]))
  return workers
    .filter(isActiveWorker)
    .map((worker) => ({ workerCode: worker.code, name: worker.name, post: postName.get(worker.postId) ?? '' }))
    .sort((a, b) => (a.workerCode < b.workerCode ? -1 : 1))
}

/** The settings' calendar (holidays and make-up days), the defaults before any are saved. */
export async function calendarOf(store: Store): Promise<Calendar> {
  const { holidays, makeupWorkdays } = (await store.getSettings()) ?? DEFAULT_SETTINGS
  return { holidays, makeupWorkdays }
}

/** A name for each code: the rota's own workers, then the community's; a code neither knows is shown as is. */
export function namesOf(...lists: ReadonlyArray<readonly HallWorker[]>): (code: string) => string {
  const names = new Map<string, string>()
  for (const list of lists) for (const worker of list) if (!names.has(worker.workerCode)) names.set(worker.workerCode, worker.name)
  return (code) => names.get(code) ?? code
}

function rotaOf(record: HallRotaRecord, nameOf: (code: string) => string, calendar: Calendar): HallRota {
  const partners = partnersOf(record.pairs)
  const working = new Set(workingDatesOf(record.month, calendar))
  const counts = hallDaysOf(record.days, record.groups)
  const postOf = new Map(record.workers.map((w) => [w.workerCode, w.post]))
  const groupOf = new Map(record.groups.flatMap((group, i) => group.map((code) => [code, i + 1] as const)))
  const workerDays = [...counts]
    .map(([workerCode, hallDays]) => ({ workerCode, name: nameOf(workerCode), post: postOf.get(workerCode) ?? '', hallDays, group: groupOf.get(workerCode) ?? null }))
    .sort((a, b) => b.hallDays - a.hallDays || (a.workerCode < b.workerCode ? -1 : 1))
  const { staffing, groups, pairs, version, updatedAt, updatedBy } = record
  return {
    staffing,
    groups,
    pairs,
    version,
    updatedAt,
    updatedBy,
    days: record.days.map((day) => ({
      date: day.date,
      working: working.has(day.date),
      duties: day.workerCodes.map((code) => {
        const partner = partners.get(code)
        return { workerCode: code, name: nameOf(code), backup: partner === undefined ? null : { workerCode: partner, name: nameOf(partner) } }
      }),
    })),
    workerDays,
    meanHallDays: meanHallDays(record.days, record.groups),
  }
}

/** The setup the generate form starts from: the rota's own, else the previous month's, else a suggestion. */
async function setupFor(store: Store, community: CommunityRecord, month: string, record: HallRotaRecord | null, workers: HallWorker[]): Promise<HallRotaSetup> {
  const source = record ?? (await store.hall.getRota(community.id, addMonths(month, -1)))
  if (source === null) return suggestedSetup(workers.map((w) => w.workerCode))
  // Workers out of post since leave their group and pair; workers new in post join the last group.
  const inPost = new Set(workers.map((w) => w.workerCode))
  const groups = source.groups.map((group) => group.filter((code) => inPost.has(code))).filter((group) => group.length > 0)
  const grouped = new Set(groups.flat())
  const newcomers = workers.map((w) => w.workerCode).filter((code) => !grouped.has(code))
  if (newcomers.length > 0 && groups.length === 0) groups.push(newcomers)
  else if (newcomers.length > 0) groups[groups.length - 1].push(...newcomers)
  const pairs = source.pairs.filter(({ a, b }) => inPost.has(a) && inPost.has(b))
  return { staffing: source.staffing, groups, pairs }
}

/** The view of `month`'s rota; `record` when the caller already holds it (a save or a generate). */
export async function rotaView(store: Store, community: CommunityRecord, month: string, now: Date, editor: boolean, record?: HallRotaRecord | null): Promise<HallRotaView> {
  const [rota, workers, calendar] = await Promise.all([record === undefined ? store.hall.getRota(community.id, month) : Promise.resolve(record), inPostWorkers(store, community.id), calendarOf(store)])
  const nameOf = namesOf(rota?.workers ?? [], workers)
  return {
    communityId: community.id,
    communityName: community.name,
    period: month,
    workers,
    rota: rota === null ? null : rotaOf(rota, nameOf, calendar),
    setup: await setupFor(store, community, month, rota, workers),
    workingDays: workingDatesOf(month, calendar),
    editable: editor && month >= monthOf(now),
  }
}
