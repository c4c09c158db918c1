// Trust rule 6 in the cloud: WeChat's security.msgSecCheck, version 2, with the writer's openid and the
// scene of the text (backend/moderation/textFields.ts). Both functions use it: `api` for comments, notes,
// reasons and names, `files` for the names of an imported roster (each declares the permission in config.json).
import type { Moderation, ModerationVerdict } from '@backend/context'
import type { WxServerSdk } from '@backend/store/cloudbase/wxServerSdk'

/** Throws when the check fails; the callers fail closed (a comment held, any other text refused). */
export function cloudModeration(cloud: Pick<WxServerSdk, 'openapi'>): Moderation {
  return {
    async check(text, openid, scene) {
      const reply = await cloud.openapi.security.msgSecCheck({ version: 2, scene, openid, content: text })
      return verdictOf(reply.result?.suggest)
    },
  }
}

/** Anything but a clear pass or risky is treated as review: fail closed. */
function verdictOf(suggest: string | undefined): ModerationVerdict {
  return suggest === 'pass' || suggest === 'risky' ? suggest : 'review'
}
