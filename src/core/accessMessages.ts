// What the door says when the access table (access.ts) refuses a call, where it can say more than
// 请先登录微信 (401) or 没有权限进行此操作 (403). Apart from the table, so the mini-program's packages,
// which ask only mayCall, carry none of these words.
import type { ActionName } from './contract'

export const STAFF_MAY_NOT_RATE = '工作人员不能参与居民评价，以免影响评价的公正。'
export const STAFF_MAY_NOT_GIVE_FEEDBACK = '工作人员不能参与服务评价，以免影响评价的公正。'
export const SAME_COMMUNITY_RATING = '不能评价本社区的同事，以免影响评价的公正。'
/** A worker's own actions need the binding to a worker record. */
export const NOT_A_BOUND_WORKER = '只有绑定了工作者身份的社区工作者可以使用这个功能'

const SHEET_SIGN_IN = '请先登录微信后再使用评分表'

/** Rule 12's 401, saying what signing in is for. */
const SIGN_IN: Partial<Record<ActionName, string>> = {
  'rating.submit': '请先登录微信后再评价',
  'feedback.submit': '请先登录微信后再评价',
  'invite.accept': '请在微信里打开邀请码，登录后再绑定',
  'admin.setup': '请先登录微信，再由管理员初始化',
  'post.save': '请先登录微信后再修改岗位职责',
  'settings.get': '请先登录微信后再查看考核设置',
  'settings.save': '请先登录微信后再修改考核设置',
  'org.template': '请先登录微信后再下载花名册模板',
  'org.import': '请先登录微信后再导入花名册',
  'org.uploadPath': '请先登录微信后再上传花名册',
  'sheet.get': SHEET_SIGN_IN,
  'sheet.save': SHEET_SIGN_IN,
  'sheet.submit': SHEET_SIGN_IN,
  'sheet.change': SHEET_SIGN_IN,
  'audit.list': '请先登录微信后再查看操作记录',
  'case.mine': '请先登录微信后再查看差评处理情况',
  'case.confirm': '请先登录微信后再评价整改结果',
  'case.contact': '请先登录微信后再留下联系方式',
  'note.report': '请先登录微信后再举报',
  'hall.feedback': '请先登录微信后再评价',
}

/** Rule 11's 403 for a role the table leaves out, saying why. */
const REFUSED: Partial<Record<ActionName, string>> = {
  'rating.submit': STAFF_MAY_NOT_RATE,
  'feedback.submit': STAFF_MAY_NOT_GIVE_FEEDBACK,
  'hall.feedback': STAFF_MAY_NOT_GIVE_FEEDBACK,
  'audit.list': '操作记录只对市民政局开放',
  'city.overview': '全市考核概览只对市民政局开放',
  'city.export': '全市考核概览只对市民政局开放',
}

export function signInMessage(action: ActionName): string {
  return SIGN_IN[action] ?? '请先登录微信'
}

/** `workerOnly`: the action is a worker's own (the access table's WORKER_OWN). */
export function refusedMessage(action: ActionName, workerOnly: boolean): string {
  return REFUSED[action] ?? (workerOnly ? NOT_A_BOUND_WORKER : '没有权限进行此操作')
}
