// THE authorization table (DESIGN section 6, rules 11 and 12): for every action of the contract, who may
// call it and whether it is scoped (a sub-district's staff act on their own sub-district only, a community
// admin on their own community, a worker on themself). The door (backend/door.ts) answers 401 and 403 by
// role from it before any handler runs, and narrows the handler's caller type to the roles it lets in;
// the pages' menus ask mayCall; test/authorization.test.ts calls every action as every kind of caller and
// checks the answer against it. The words of each refusal: accessMessages.ts.
import type { ActionName } from './contract'
import {
  APPEAL_REVIEWERS,
  AUDIT_READERS,
  CASE_HANDLERS,
  CASE_READERS,
  CITY_READERS,
  COMMENT_MODERATORS,
  COMMUNITY_EDITORS,
  EVALUATION_READERS,
  HALL_EDITORS,
  HALL_READERS,
  ORG_EDITORS,
  ORG_READERS,
  POST_EDITORS,
  RATING_REVIEWERS,
  SCORE_ENTERERS,
  SETTINGS_EDITORS,
  SETTINGS_READERS,
  WORKBENCH_USERS,
  WORKER_INVITERS,
  type StaffRole,
} from './roles'
import type { Role } from './types'

/** A caller without a WeChat identity, or one of the roles looked up server-side. */
export type Who = 'anonymous' | Role

export type Scope = 'target' | 'own' | false

export interface Access {
  /** Who may call it; everyone else gets 401 (anonymous) or 403. */
  who: readonly Who[]
  /**
   * 'target': the payload names a sub-district, community or worker, and the allowed staff act on their
   * own only (403 beyond); 'own': the caller's own workplace or worker record, never a payload's; false:
   * not scoped.
   */
  scoped: Scope
}

const PUBLIC = { who: ['anonymous', 'resident', 'worker', 'community', 'subdistrict', 'bureau'], scoped: false } as const
const SIGNED_IN = { who: ['resident', 'worker', 'community', 'subdistrict', 'bureau'], scoped: false } as const
/** A worker's own actions: the caller must be bound by invite to a worker record, whose code they act on. */
const WORKER_OWN = { who: ['worker'], scoped: 'own'} as const
const staff = <const R extends readonly StaffRole[], const S extends Scope>(roles: R, scoped: S) => ({ who: roles, scoped })

/** Rules 10 and 11: ratings and feedback are given by residents and workers (of another community) only. */
export const RATERS = ['resident', 'worker'] as const satisfies readonly Role[]


export const ACCESS = {
  'dev.identities': PUBLIC,
  'session.me': PUBLIC,
  'worker.card': PUBLIC,
  'invite.card': PUBLIC,
  'post.list': PUBLIC,
  'grid.directory': PUBLIC,
  'visit.card': PUBLIC,
  'rating.submit': { who: RATERS, scoped: false},
  'feedback.submit': { who: RATERS, scoped: false},
  'invite.accept': { ...SIGNED_IN},
  'admin.setup': { ...staff(['bureau'], false)},
  'score.submit': staff(SCORE_ENTERERS, 'target'),
  'evaluation.get': staff(EVALUATION_READERS, 'target'),
  'invite.create': staff(WORKER_INVITERS, 'target'),
  'community.workers': staff(WORKER_INVITERS, 'own'),
  'post.save': { ...staff(POST_EDITORS, false)},
  'settings.get': { ...staff(SETTINGS_READERS, false)},
  'settings.save': { ...staff(SETTINGS_EDITORS, false)},
  'visit.log': WORKER_OWN,
  'visit.list': WORKER_OWN,
  'worker.qrcode': WORKER_OWN,
  'field.start': WORKER_OWN,
  'field.end': WORKER_OWN,
  'field.list': WORKER_OWN,
  'worker.results': WORKER_OWN,
  'gridtime.get': { who: ['worker', 'community', 'subdistrict', 'bureau'], scoped: 'target' },
  'gridtime.trend': { who: ['worker', 'community', 'subdistrict', 'bureau'], scoped: 'target' },
  'org.list': staff(ORG_READERS, 'own'),
  'org.subdistrict.save': staff(ORG_EDITORS, false),
  'org.community.save': staff(ORG_EDITORS, false),
  'org.invite': staff(ORG_READERS, 'target'),
  'community.grids': staff(COMMUNITY_EDITORS, 'own'),
  'grid.save': staff(COMMUNITY_EDITORS, 'target'),
  'worker.update': staff(COMMUNITY_EDITORS, 'target'),
  'org.template': { ...staff(['bureau'], false)},
  'org.import': { ...staff(['bureau'], false)},
  'org.uploadPath': { ...staff(['bureau'], false)},
  'sheet.get': { ...staff(EVALUATION_READERS, 'target')},
  'sheet.save': { ...staff(SCORE_ENTERERS, 'target')},
  'sheet.submit': { ...staff(SCORE_ENTERERS, 'target')},
  'sheet.change': { ...staff(SCORE_ENTERERS, 'target')},
  'report.get': staff(EVALUATION_READERS, 'target'),
  'report.export': staff(EVALUATION_READERS, 'target'),
  'report.trend': staff(['community', 'subdistrict', 'bureau'], 'target'),
  // The city view: every sub-district at once, so the bureau's alone (no one's own scope covers it).
  'city.overview': staff(CITY_READERS, false),
  'city.export': staff(CITY_READERS, false),
  // Appeals: a worker's own bad ratings; the sub-district (or the bureau) reviews.
  'appeal.mine': WORKER_OWN,
  'appeal.file': WORKER_OWN,
  'appeal.list': staff(APPEAL_REVIEWERS, 'target'),
  // Names an appeal, not a sub-district: the appeal's own sub-district must be the caller's (403 beyond).
  'appeal.decide': staff(APPEAL_REVIEWERS, 'own'),
  // Held comments (trust rule 6): the sub-district's staff (or the bureau) release or reject them.
  'comment.list': staff(COMMENT_MODERATORS, 'target'),
  // Names a rating, not a sub-district: the rating's own sub-district must be the caller's (403 beyond).
  'comment.decide': staff(COMMENT_MODERATORS, 'own'),
  // Reports (投诉/举报): a worker of a comment about them, a rater of the note on their own case.
  'comment.report': WORKER_OWN,
  'note.report': { who: RATERS, scoped: 'own'},
  // Names a case, not a sub-district: the case's own sub-district must be the caller's (403 beyond).
  'note.decide': staff(COMMENT_MODERATORS, 'own'),
  // The review queue (trust rule 8): the sub-district's staff (or the bureau) keep or exclude flagged ratings.
  'review.list': staff(RATING_REVIEWERS, 'target'),
  // Names a review item, not a sub-district: the item's own sub-district must be the caller's (403 beyond).
  'review.decide': staff(RATING_REVIEWERS, 'own'),
  // Names review items: every item's sub-district must be the caller's (403 beyond, nothing decided).
  'review.decideBatch': staff(RATING_REVIEWERS, 'own'),
  // What waits for the caller: counts of their own scope's queues (the queues' own access rules apply).
  'workbench.get': staff(WORKBENCH_USERS, false),
  // The audit log: the bureau alone reads it, for every sub-district.
  'audit.list': { ...staff(AUDIT_READERS, false)},
  // Bad-review cases: the community's admin handles them, its sub-district and the bureau watch.
  'case.list': staff(CASE_READERS, 'target'),
  // Name a case, not a community: the case's own community / sub-district must be the caller's (403 beyond).
  'case.get': staff(CASE_READERS, 'own'),
  'case.callback': staff(CASE_HANDLERS, 'own'),
  'case.rectify': staff(CASE_HANDLERS, 'own'),
  // The rater's own cases only (anyone else's is "not found"): residents and workers are the raters.
  'case.mine': { who: RATERS, scoped: 'own'},
  'case.confirm': { who: RATERS, scoped: 'own'},
  'case.contact': { who: RATERS, scoped: 'own'},
  'case.worker': WORKER_OWN,
  // The service hall: a community's admin keeps its rota and prints its code; its sub-district and the
  // bureau read the rota (and may print the code) for the community they name.
  'hall.rota.get': staff(HALL_READERS, 'target'),
  'hall.rota.generate': staff(HALL_EDITORS, 'own'),
  'hall.rota.save': staff(HALL_EDITORS, 'own'),
  'hall.qrcode': staff(HALL_READERS, 'target'),
  // Public: the resident at the counter scans it before signing in to rate.
  'hall.card': PUBLIC,
  // Rules 10 and 11, as every feedback: residents and workers of another community.
  'hall.feedback': { who: RATERS, scoped: false},
} as const satisfies Record<ActionName, Access>

/** The roles the table lets call `A`: what the door narrows a handler's caller to. */
export type Allowed<A extends ActionName> = (typeof ACCESS)[A]['who'][number]

/** Rule 12: an action no anonymous caller may call needs a WeChat identity (401 without one). */
export function needsIdentity(action: ActionName): boolean {
  return !mayCall(action, 'anonymous')
}

/** Whether `who` may call `action`: the door's 403 and the pages' menus ask the same question. */
export function mayCall(action: ActionName, who: Who): boolean {
  const allowed: readonly Who[] = ACCESS[action].who
  return allowed.includes(who)
}
