// The cloud Notifier (backend/context.ts; the bad-review loop): tells a rater that the cause of their
// bad rating was rectified with a WeChat subscribe message (openapi subscribeMessage.send), which they
// agreed to on the result screen of pages/rate or pages/feedback (Taro.requestSubscribeMessage). The
// template is the deployment's (env SUBSCRIBE_TEMPLATE_ID, see README, deploy): unset → nothing is sent.
// Which of its keywords carries what is SUBSCRIBE_KEYWORDS (src/core/subscribeKeywords.ts), checked when
// the instance starts; the values are fitted to their keyword types before sending
// (src/core/subscribePayload.ts). A message not sent answers the words the case keeps for staff; never throws.
import type { NoticeOutcome, Notifier } from '@backend/context'
import type { WxServerSdk } from '@backend/store/cloudbase/wxServerSdk'
import { parseSubscribeKeywords } from '@core/subscribeKeywords'
import { sendFailureWords, settingFailureWords, subscribeMessageData } from '@core/subscribePayload'

/** WeChat's errcode of a refused send: wx-server-sdk throws it as `errCode` (a CloudSDKError). */
function errCodeOf(error: unknown): number | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { errCode?: unknown }).errCode : undefined
  return typeof code === 'number' && code !== 0 ? code : undefined
}

export function cloudNotifier(cloud: Pick<WxServerSdk, 'openapi'>, templateId: string | undefined, keywords: string | undefined): Notifier | undefined {
  if (templateId === undefined || templateId === '') return undefined
  const parsed = parseSubscribeKeywords(keywords)
  if (!parsed.ok) {
    // Said once per instance in the function's log; each case then says it to staff.
    console.error(`[api] ${parsed.problem}`)
    return { caseRectified: async () => ({ sent: false, failure: settingFailureWords() }) }
  }
  const { mapping } = parsed
  return {
    async caseRectified(raterOpenid, caseId, summary): Promise<NoticeOutcome> {
      const message = subscribeMessageData(mapping, summary)
      if (!message.ok) return { sent: false, failure: message.failure }
      try {
        const reply = (await cloud.openapi.subscribeMessage.send({
          touser: raterOpenid,
          templateId,
          page: `pages/case/index?caseId=${encodeURIComponent(caseId)}`,
          data: message.data,
        })) as unknown
        const refused = errCodeOf(reply)
        return refused === undefined ? { sent: true } : { sent: false, failure: sendFailureWords(refused) }
      } catch (error) {
        console.error(`[api] subscribe message for case ${caseId} not sent`, error)
        return { sent: false, failure: sendFailureWords(errCodeOf(error)) }
      }
    },
  }
}
