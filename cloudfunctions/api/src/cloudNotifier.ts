// The cloud Notifier (backend/context.ts; the bad-review loop): tells a rater that the cause of their
// bad rating was rectified with a WeChat subscribe message (openapi subscribeMessage.send), which they
// agreed to on the result screen of pages/rate or pages/feedback (Taro.requestSubscribeMessage). The
// template is the deployment's (env SUBSCRIBE_TEMPLATE_ID, see README, deploy): unset → nothing is sent.
// Its keywords: thing1 the worker, thing2 what was rectified (WeChat cuts `thing` at 20 characters),
// time3 when. A failure (the rater did not agree, quota) is logged and answers false, never throws.
import type { Notifier } from '@backend/context'
import type { WxServerSdk } from '@backend/store/cloudbase/wxServerSdk'

const THING_MAX = 20

const thing = (text: string) => ({ value: text.length > THING_MAX ? `${text.slice(0, THING_MAX - 1)}…` : text })

/** `YYYY-MM-DD HH:mm` in China time, as a subscribe message's `time` keyword wants it. */
function chinaTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')
}

export function cloudNotifier(cloud: Pick<WxServerSdk, 'openapi'>, templateId: string | undefined): Notifier | undefined {
  if (templateId === undefined || templateId === '') return undefined
  return {
    async caseRectified(raterOpenid, caseId, summary) {
      try {
        await cloud.openapi.subscribeMessage.send({
          touser: raterOpenid,
          templateId,
          page: `pages/case/index?caseId=${encodeURIComponent(caseId)}`,
          data: { thing1: thing(`${summary.workerName}的服务`), thing2: thing(summary.note), time3: { value: chinaTime(summary.at) } },
        })
        return true
      } catch (error) {
        console.error(`[api] subscribe message for case ${caseId} not sent`, error)
        return false
      }
    },
  }
}
