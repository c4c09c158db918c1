// The cloud function `api` on WeChat CloudBase: one function, one typed action table, one role guard.
// Identity comes only from the runtime (getWXContext().OPENID), never from the event.
import type { Envelope } from '../../../src/core/errors'
import { CloudStore } from './cloudStore'
import type { Moderation, ModerationVerdict } from './context'
import { dispatch } from './dispatch'
import { apiHandlers } from './handlers'
import type { WxServerSdk } from './wxServerSdk'

// Kept a plain require so esbuild leaves it external and CloudBase resolves its own installed copy.
const cloud = require('wx-server-sdk') as WxServerSdk

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })

// Created once per warm instance and shared by its invocations.
const store = new CloudStore(cloud.database())

/** Trust rule 6: WeChat's content check, version 2, scene 2 (comment). Throws when the check fails. */
const moderation: Moderation = {
  async check(text, openid) {
    const reply = await cloud.openapi.security.msgSecCheck({ version: 2, scene: 2, openid, content: text })
    return verdictOf(reply.result?.suggest)
  },
}

/** Anything but a clear pass or risky is held for staff: fail closed. */
function verdictOf(suggest: string | undefined): ModerationVerdict {
  return suggest === 'pass' || suggest === 'risky' ? suggest : 'review'
}

export async function main(event: unknown): Promise<Envelope<unknown>> {
  const openid = cloud.getWXContext().OPENID
  return dispatch(
    event,
    { openid: openid !== undefined && openid !== '' ? openid : null, store, now: new Date(), moderation },
    apiHandlers,
  )
}
