import Taro from '@tarojs/taro'
import type { ScanTarget } from '../platform/scene'

/** Page paths, the same in the mini-program and in the h5 build's hash router. */
export const routes = {
  home: '/pages/index/index',
  rate: (workerCode: string) => `/pages/rate/index?scene=${encodeURIComponent(workerCode)}`,
  /** The page a visit's feedback code opens (`scene` = the visit code): the person served rates that visit. */
  feedback: (visitCode: string) => `/pages/feedback/index?scene=${encodeURIComponent(visitCode)}`,
  evaluation: (period?: string) => `/staff/evaluation/index${period ? `?period=${encodeURIComponent(period)}` : ''}`,
  score: (period?: string) => `/staff/score/index${period ? `?period=${encodeURIComponent(period)}` : ''}`,
  myGrid: (communityId?: string) => `/pages/mygrid/index${communityId ? `?communityId=${encodeURIComponent(communityId)}` : ''}`,
  posts: '/staff/posts/index',
  /** 考核设置: the bureau's scoring settings and their version. */
  settings: '/staff/settings/index',
  workers: '/staff/workers/index',
  /** The page an invite's code opens (`scene` = the invite code), as wxacode.getUnlimited opens it. */
  invite: (inviteCode: string) => `/worker/invite/index?scene=${encodeURIComponent(inviteCode)}`,
  /** 我的工作台: the worker's own page. */
  workerHome: '/worker/home/index',
  /** Built by the poster and visit pages' own slices; the worker home links to them. */
  workerPoster: '/worker/poster/index',
  workerVisit: '/worker/visit/index',
}

/** The page a scanned code opens: the worker's rating page, the visit's feedback page, or the invite. */
export function routeOfScan(target: ScanTarget): string {
  if (target.kind === 'visit') return routes.feedback(target.scene)
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
