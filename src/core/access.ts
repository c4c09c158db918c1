// THE authorization table (DESIGN section 6, rules 11 and 12): for every action of the contract, who may
// call it and whether it is scoped (a sub-district's staff act on their own sub-district only, a community
// admin on their own community, a worker on themself). The dispatcher answers 401 from it before any
// handler runs; the handlers' role guards use the lists of src/core/roles.ts that it is built from; and
// test/authorization.test.ts calls every action as every kind of caller and checks the answer against it.
import type { ActionName } from './contract'
import {
  APPEAL_REVIEWERS,
  AUDIT_READERS,
  CASE_HANDLERS,
  CASE_READERS,
  COMMENT_MODERATORS,
  COMMUNITY_EDITORS,
  EVALUATION_READERS,
  ORG_EDITORS,
  ORG_READERS,
  POST_EDITORS,
  RATING_REVIEWERS,
  SCORE_ENTERERS,
  SETTINGS_EDITORS,
  SETTINGS_READERS,
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
  /** What the 401 says when it is more specific than 请先登录微信. */
  signIn?: string
}

const PUBLIC: Access = { who: ['anonymous', 'resident', 'worker', 'community', 'subdistrict', 'bureau'], scoped: false }
const SIGNED_IN: Access = { who: ['resident', 'worker', 'community', 'subdistrict', 'bureau'], scoped: false }
const WORKER_OWN: Access = { who: ['worker'], scoped: 'own' }
const staff = (roles: readonly StaffRole[], scoped: Scope): Access => ({ who: roles, scoped })

/** Rules 10 and 11: ratings and feedback are given by residents and workers (of another community) only. */
export const RATERS: readonly Role[] = ['resident', 'worker']
export const STAFF_MAY_NOT_RATE = '工作人员不能参与居民评价，以免影响评价的公正。'
export const STAFF_MAY_NOT_GIVE_FEEDBACK = '工作人员不能参与服务评价，以免影响评价的公正。'
export const SAME_COMMUNITY_RATING = '不能评价本社区的同事，以免影响评价的公正。'

const SHEET_SIGN_IN = '请先登录微信后再使用评分表'

export const ACCESS: Record<ActionName, Access> = {
  'dev.identities': PUBLIC,
  'session.me': PUBLIC,
  'worker.card': PUBLIC,
  'invite.card': PUBLIC,
  'post.list': PUBLIC,
  'grid.directory': PUBLIC,
  'visit.card': PUBLIC,
  'rating.submit': { who: RATERS, scoped: false, signIn: '请先登录微信后再评价' },
  'feedback.submit': { who: RATERS, scoped: false, signIn: '请先登录微信后再评价' },
  'invite.accept': { ...SIGNED_IN, signIn: '请在微信里打开邀请码，登录后再绑定' },
  'admin.setup': { ...staff(['bureau'], false), signIn: '请先登录微信，再由管理员初始化' },
  'score.submit': staff(SCORE_ENTERERS, 'target'),
  'evaluation.get': staff(EVALUATION_READERS, 'target'),
  'invite.create': staff(WORKER_INVITERS, 'target'),
  'community.workers': staff(WORKER_INVITERS, 'own'),
  'post.save': { ...staff(POST_EDITORS, false), signIn: '请先登录微信后再修改岗位职责' },
  'settings.get': { ...staff(SETTINGS_READERS, false), signIn: '请先登录微信后再查看考核设置' },
  'settings.save': { ...staff(SETTINGS_EDITORS, false), signIn: '请先登录微信后再修改考核设置' },
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
  'org.template': { ...staff(['bureau'], false), signIn: '请先登录微信后再下载花名册模板' },
  'org.import': { ...staff(['bureau'], false), signIn: '请先登录微信后再导入花名册' },
  'org.uploadPath': { ...staff(['bureau'], false), signIn: '请先登录微信后再上传花名册' },
  'sheet.get': { ...staff(EVALUATION_READERS, 'target'), signIn: SHEET_SIGN_IN },
  'sheet.save': { ...staff(SCORE_ENTERERS, 'target'), signIn: SHEET_SIGN_IN },
  'sheet.submit': { ...staff(SCORE_ENTERERS, 'target'), signIn: SHEET_SIGN_IN },
  'sheet.change': { ...staff(SCORE_ENTERERS, 'target'), signIn: SHEET_SIGN_IN },
  'report.get': staff(EVALUATION_READERS, 'target'),
  'report.export': staff(EVALUATION_READERS, 'target'),
  'report.trend': staff(['community', 'subdistrict', 'bureau'], 'target'),
  // Appeals (issue 9, item 7): a worker's own bad ratings; the sub-district (or the bureau) reviews.
  'appeal.mine': WORKER_OWN,
  'appeal.file': WORKER_OWN,
  'appeal.list': staff(APPEAL_REVIEWERS, 'target'),
  // Names an appeal, not a sub-district: the appeal's own sub-district must be the caller's (403 beyond).
  'appeal.decide': staff(APPEAL_REVIEWERS, 'own'),
  // Held comments (issue 9, item 5): the sub-district's staff (or the bureau) release or reject them.
  'comment.list': staff(COMMENT_MODERATORS, 'target'),
  // Names a rating, not a sub-district: the rating's own sub-district must be the caller's (403 beyond).
  'comment.decide': staff(COMMENT_MODERATORS, 'own'),
  // The review queue (issue 9, item 4): the sub-district's staff (or the bureau) keep or exclude flagged ratings.
  'review.list': staff(RATING_REVIEWERS, 'target'),
  // Names a review item, not a sub-district: the item's own sub-district must be the caller's (403 beyond).
  'review.decide': staff(RATING_REVIEWERS, 'own'),
  // The audit log (issue 9, item 8): the bureau alone reads it, for every sub-district.
  'audit.list': { ...staff(AUDIT_READERS, false), signIn: '请先登录微信后再查看操作记录' },
  // Bad-review cases (issue 9, item 6): the community's admin handles them, its sub-district and the bureau watch.
  'case.list': staff(CASE_READERS, 'target'),
  // Name a case, not a community: the case's own community / sub-district must be the caller's (403 beyond).
  'case.get': staff(CASE_READERS, 'own'),
  'case.callback': staff(CASE_HANDLERS, 'own'),
  'case.rectify': staff(CASE_HANDLERS, 'own'),
  // The rater's own cases only (anyone else's is "not found"): residents and workers are the raters.
  'case.mine': { who: RATERS, scoped: 'own', signIn: '请先登录微信后再查看差评处理情况' },
  'case.confirm': { who: RATERS, scoped: 'own', signIn: '请先登录微信后再评价整改结果' },
  'case.contact': { who: RATERS, scoped: 'own', signIn: '请先登录微信后再留下联系方式' },
  'case.worker': WORKER_OWN,
}

/** Rule 12: an action no anonymous caller may call needs a WeChat identity (401 without one). */
export function needsIdentity(action: ActionName): boolean {
  return !ACCESS[action].who.includes('anonymous')
}

/** Rule 12's refusal: 401 UNAUTHENTICATED, saying what signing in is for where that is clearer. */
export function signInMessage(action: ActionName): string {
  return ACCESS[action].signIn ?? '请先登录微信'
}

export function mayCall(action: ActionName, who: Who): boolean {
  return ACCESS[action].who.includes(who)
}
