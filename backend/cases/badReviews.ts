// The bad-review loop: a level 1 or 2 opens a case for the worker's community, with the
// call-back due `callbackWorkingDays` and the rectification `rectifyWorkingDays` working days after the
// day it was given (China dates, the settings' calendar). One case per rating (its id is ratingRefId):
// a retry or a re-rate of the same rating to 1 or 2 finds it there and adds nothing; levels 3-5 open none.
import { addWorkingDays } from '@core/cases'
import { chinaDateOf } from '@core/periods'
import type { HandlerContext } from '../context'
import { ratingRefId } from '../store/ids'
import type { CaseRecord } from './store'
import { auditCase, caseCalendar } from './caseViews'
import type { RatedRecord } from '../ratings/storedRating'

export async function openCaseFor(ctx: HandlerContext, rated: RatedRecord): Promise<void> {
  if (rated.level > 2) return
  const { store } = ctx
  const { idKey, pseudonymKey } = await ctx.secrets.get()
  const calendar = await caseCalendar(store)
  const openedOn = chinaDateOf(rated.submittedAt)
  const record: CaseRecord = {
    id: ratingRefId(rated.ref, idKey),
    ref: rated.ref,
    raterOpenid: rated.openid,
    workerCode: rated.workerCode,
    communityId: rated.communityId,
    subdistrictId: rated.subdistrictId,
    month: rated.month,
    level: rated.level,
    openedAt: rated.submittedAt,
    callbackDue: addWorkingDays(openedOn, calendar.callbackWorkingDays, calendar),
    rectifyDue: addWorkingDays(openedOn, calendar.rectifyWorkingDays, calendar),
    version: 1,
  }
  if (await store.cases.open(record)) await auditCase(store, record, 'case.open', rated.submittedAt, `case.open:${record.id}`, { pseudonymKey })
}
