import Taro from '@tarojs/taro'

/** Page paths, the same in the mini-program and in the h5 build's hash router. */
export const routes = {
  home: '/pages/index/index',
  rate: (workerCode: string) => `/pages/rate/index?scene=${encodeURIComponent(workerCode)}`,
  evaluation: (period?: string) => `/staff/evaluation/index${period ? `?period=${encodeURIComponent(period)}` : ''}`,
  score: (period?: string) => `/staff/score/index${period ? `?period=${encodeURIComponent(period)}` : ''}`,
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
