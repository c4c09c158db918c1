// The service hall's duty rotas (值班表): one record per community and month (CloudBase keeps a
// community's year of them in one document: backend/hall/cloudbase.ts), holding what it was generated
// from (staffing, groups, AB pairs), every day's on-duty workers, and a version that makes each change a
// compare-and-set. Part of the Store (backend/store/index.ts): backend/hall/sqlite.ts
// (SQLite) and backend/hall/cloudbase.ts (CloudBase), checked by test/storeContracts/hall.ts.
import type { HallRotaSetup, HallWorker } from '@core/hallSchemas'
import type { RotaDay } from '@core/hallRota'

export interface HallRotaRecord extends HallRotaSetup {
  communityId: string
  /** The community's name and sub-district, kept with the rota: the hall's card and its feedback read one record. */
  communityName: string
  subdistrictId: string
  /** `YYYY-MM`. */
  month: string
  /** Every day of the month, the 1st first; days off have nobody. */
  days: RotaDay[]
  /** The workers of the groups as they were at the last change (names and posts for the card). */
  workers: HallWorker[]
  /**
   * Workers of the rota taken out of post since (worker.update): the card leaves them out and feedback on
   * them is refused, as everywhere for a worker no longer in post; absent: none.
   */
  outOfPost?: string[]
  /** Where next month's rotation starts (the worker after this month's last); null: from the first. */
  next: string | null
  /** 1 for the first generation, +1 with every change. */
  version: number
  updatedAt: string
  /** The name of who made the last change. */
  updatedBy: string
}

/** What hall days are counted from: a month's days of one community's rota. */
export type RotaDays = Pick<HallRotaRecord, 'communityId' | 'subdistrictId' | 'month' | 'days'>

export interface HallStore {
  getRota(communityId: string, month: string): Promise<HallRotaRecord | null>
  /**
   * Stores `rota` if the stored one is still at `rota.version - 1` (none at all for version 1): a
   * compare-and-set, so of two changes made from the same version exactly one lands. False: nothing changed.
   */
  putRota(rota: HallRotaRecord): Promise<boolean>
  /**
   * The days of the months given, of one community or of every community of a sub-district, by community
   * then month (months without a rota left out): all that hall days need, so the cloud reads no more.
   */
  listRotaDays(where: { communityId: string } | { subdistrictId: string }, months: readonly string[]): Promise<RotaDays[]>
}
