import Taro from '@tarojs/taro'
import type { ScanTarget } from './platform/scene'

/** Page paths, the same in the mini-program and in the h5 build's hash router. */
export const routes = {
  home: '/pages/index/index',
  rate: (workerCode: string) => `/pages/rate/index?scene=${encodeURIComponent(workerCode)}`,
  /** The page a visit's feedback code opens (`scene` = the visit code): the person served rates that visit. */
  feedback: (visitCode: string) => `/pages/feedback/index?scene=${encodeURIComponent(visitCode)}`,
  evaluation: (period?: string) => `/staff/evaluation/index${period ? `?period=${encodeURIComponent(period)}` : ''}`,
  myGrid: (communityId?: string) => `/pages/mygrid/index${communityId ? `?communityId=${encodeURIComponent(communityId)}` : ''}`,
  posts: '/staff/posts/index',
  /** 考核设置: the bureau's scoring settings and their version. */
  settings: '/staff/settings/index',
  /** 花名册导入: the bureau's roster from Excel. */
  roster: '/staff/roster/index',
  workers: '/staff/workers/index',
  /** 组织架构: sub-districts and communities, staff invites. */
  org: '/staff/org/index',
  /** 网格与工作者: a community admin's grids and workers. */
  community: '/staff/community/index',
  /** 评分表: the sub-district's scoring sheet of a period, or its year-end review (kind 'yearEnd'). */
  sheet: (kind?: 'period' | 'yearEnd', period?: string) =>
    `/staff/sheet/index${kind ? `?kind=${kind}${period ? `&period=${encodeURIComponent(period)}` : ''}` : ''}`,
  /** 考核报表: monthly ranking, half-year report, annual assessment (the `reports` subpackage). */
  reports: '/reports/index/index',
  /** A sub-district's report of a period, as the bureau opens it from the city view. */
  subdistrictReport: (subdistrictId: string, period: string) =>
    `/reports/index/index?subdistrictId=${encodeURIComponent(subdistrictId)}&period=${encodeURIComponent(period)}`,
  /** 全市考核概览: every sub-district side by side, the bureau's reports entry. */
  city: '/reports/city/index',
  /** A worker's totals and grades month by month. */
  reportTrend: (workerCode: string) => `/reports/trend/index?workerCode=${encodeURIComponent(workerCode)}`,
  /** The page an invite's code opens (`scene` = the invite code), as wxacode.getUnlimited opens it. */
  invite: (inviteCode: string) => `/worker/invite/index?scene=${encodeURIComponent(inviteCode)}`,
  /** 我的工作台: the worker's own page. */
  workerHome: '/worker/home/index',
  /** Built by the poster and visit pages' own slices; the worker home links to them. */
  workerPoster: '/worker/poster/index',
  workerVisit: '/worker/visit/index',
  /** 差评申诉: a worker's bad ratings and their appeals. */
  workerAppeals: '/worker/appeals/index',
  /** 申诉复核: the sub-district's queue of appeals. */
  appealReview: '/staff/appeals/index',
  /** 留言审核: the sub-district's held comments. */
  comments: '/staff/comments/index',
  /** 可疑评价复核: the sub-district's queue of flagged ratings. */
  reviewQueue: '/staff/review/index',
  /** 差评回访整改: the cases of a community / sub-district, overdue first; one case; the rater's verdict (main package). */
  cases: '/staff/cases/index',
  caseDetail: (caseId: string) => `/staff/case/index?caseId=${encodeURIComponent(caseId)}`,
  caseVerdict: (caseId: string) => `/pages/case/index?caseId=${encodeURIComponent(caseId)}`,
  /** 操作记录: the bureau's audit log. */
  audit: '/staff/audit/index',
  /** The page the hall's code at the counter opens (`scene` = the hall code): the person served rates who served them. */
  hall: (hallCode: string) => `/pages/hall/index?scene=${encodeURIComponent(hallCode)}`,
  /** 大厅值班表: a community's duty rota; sub-district staff and the bureau name the community. */
  hallRota: (communityId?: string) => `/staff/hall/index${communityId ? `?communityId=${encodeURIComponent(communityId)}` : ''}`,
  /** The hall code's poster for the counter. */
  hallPoster: (communityId?: string) => `/staff/hallposter/index${communityId ? `?communityId=${encodeURIComponent(communityId)}` : ''}`,
  /** 隐私说明: what is stored and why; main package, opened from home and the privacy dialog. */
  privacy: '/pages/privacy/index',
}

/** The page a scanned code opens: the worker's rating page, the visit's feedback page, the hall's page, or the invite. */
export function routeOfScan(target: ScanTarget): string {
  if (target.kind === 'visit') return routes.feedback(target.scene)
  if (target.kind === 'hall') return routes.hall(target.scene)
  if (target.kind === 'invite') return routes.invite(target.scene)
  return routes.rate(target.scene)
}

export function openPage(url: string): void {
  void Taro.navigateTo({ url })
}

/** Back to the start, dropping the pages in between (after a rating is done). */
export function goHome(): void {
  void Taro.reLaunch({ url: routes.home })
}

/** A route option decoded once; a malformed escape gives null rather than a crash. */
export function decodeOption(value: string | undefined): string | null {
  if (!value) return null
  try {
    const decoded = decodeURIComponent(value).trim()
    return decoded === '' ? null : decoded
  } catch {
    return null
  }
}
