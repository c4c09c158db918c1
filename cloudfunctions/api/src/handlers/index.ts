// The handlers the cloud function serves. The local runtime adds dev.identities on top;
// it is deliberately absent here, so it cannot exist in the cloud.
import type { HandlerTable } from '../context'
import { adminSetup } from './adminSetup'
import { communityWorkers } from './communityWorkers'
import { inviteAccept } from './inviteAccept'
import { inviteCard } from './inviteCard'
import { inviteCreate } from './inviteCreate'
import { evaluationGet } from './evaluationGet'
import { feedbackSubmit } from './feedbackSubmit'
import { fieldEnd } from './fieldEnd'
import { fieldList } from './fieldList'
import { fieldStart } from './fieldStart'
import { gridtimeGet } from './gridtimeGet'
import { gridtimeTrend } from './gridtimeTrend'
import { gridDirectory } from './gridDirectory'
import { postList } from './postList'
import { postSave } from './postSave'
import { ratingSubmit } from './ratingSubmit'
import { scoreSubmit } from './scoreSubmit'
import { sessionMe } from './sessionMe'
import { settingsGet } from './settingsGet'
import { settingsSave } from './settingsSave'
import { visitCard } from './visitCard'
import { visitList } from './visitList'
import { visitLog } from './visitLog'
import { workerCard } from './workerCard'
import { workerQrcode } from './workerQrcode'
import { workerResults } from './workerResults'
import { orgHandlers } from './org'
import { sheetHandlers } from './sheets'
import { reportHandlers } from './reports'
import { auditHandlers } from './audits'
import { reviewHandlers } from './reviews'
import { commentHandlers } from './comments'
import { caseHandlers } from './cases'
import { appealHandlers } from './appeals'

export const apiHandlers: HandlerTable = {
  'session.me': sessionMe,
  'worker.card': workerCard,
  'rating.submit': ratingSubmit,
  'score.submit': scoreSubmit,
  'evaluation.get': evaluationGet,
  'admin.setup': adminSetup,
  'invite.create': inviteCreate,
  'invite.card': inviteCard,
  'invite.accept': inviteAccept,
  'community.workers': communityWorkers,
  'post.list': postList,
  'post.save': postSave,
  'settings.get': settingsGet,
  'settings.save': settingsSave,
  'grid.directory': gridDirectory,
  'visit.log': visitLog,
  'visit.list': visitList,
  'visit.card': visitCard,
  'feedback.submit': feedbackSubmit,
  'worker.qrcode': workerQrcode,
  'field.start': fieldStart,
  'field.end': fieldEnd,
  'field.list': fieldList,
  'gridtime.get': gridtimeGet,
  'gridtime.trend': gridtimeTrend,
  'worker.results': workerResults,
  ...orgHandlers,
  ...sheetHandlers,
  ...reportHandlers,
  ...auditHandlers,
  ...reviewHandlers,
  ...commentHandlers,
  ...caseHandlers,
  ...appealHandlers,
}
