// Service visits (一次一评, issue 7): each visit a worker logs gets its own unguessable visit code, the
// `scene` of the code the person served scans to give feedback on that one visit. The feedback itself is
// the Store's submitFeedback with serviceId = visitCode (one feedback per visit).
// Part of the Store (store.ts): implemented by server/stores/visits.ts (SQLite) and
// cloudfunctions/api/src/cloudStores/visits.ts (CloudBase), checked by one contract suite.

/** What kind of service a visit was. */
export type VisitType = '政策宣传' | '入户登记' | '帮办代办' | '矛盾调解' | '关爱走访' | '其他'

export interface VisitRecord {
  /** The visit's code: <= 32 scene-safe characters, at least 10 of them random. Also the feedback's serviceId. */
  visitCode: string
  workerCode: string
  subdistrictId: string
  communityId: string
  type: VisitType
  /** 小区 / 楼栋, as the worker wrote it; '' when not given. */
  place: string
  /** The worker's short note; never shown to anyone but the worker and staff. */
  note: string
  /** When the visit was logged (ISO, UTC): the feedback window counts from here. */
  at: string
}

export interface VisitStore {
  /** Stores a new visit; its visitCode is new (the caller made it random). */
  putVisit(visit: VisitRecord): Promise<void>
  getVisit(visitCode: string): Promise<VisitRecord | null>
  /** A worker's visits with `from <= at < to` (ISO strings), oldest first. */
  listVisits(workerCode: string, from: string, to: string): Promise<VisitRecord[]>
}
