// A worker's public card (the 4 of 3456: who serves the grid, their post and its written duties), the one
// shape worker.card answers and grid.directory lists per grid. Built from records the caller already read.
import { isActiveWorker } from '@core/org'
import type { WorkerCard } from '@core/types'
import type { CommunityRecord, GridRecord, PostRecord, WorkerRecord } from '../store/records'

export function workerCardOf(
  worker: WorkerRecord,
  post: PostRecord | null | undefined,
  community: CommunityRecord | null | undefined,
  grid: GridRecord | null | undefined,
): WorkerCard {
  const card: WorkerCard = {
    workerCode: worker.code,
    name: worker.name,
    post: post?.name ?? '',
    duties: post?.duties ?? [],
    community: community?.name ?? '',
    grid: grid?.name ?? '',
    households: grid?.households ?? 0,
  }
  // A worker no longer in post still has a card (their code may still hang in a hallway): it says so.
  if (!isActiveWorker(worker)) card.inactive = true
  return card
}
