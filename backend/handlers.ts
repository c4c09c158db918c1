// The handlers the cloud function serves. The local runtime adds dev.identities on top;
// it is deliberately absent here, so it cannot exist in the cloud.
import type { ActionName } from '@core/contract'
import type { FileAction } from '@core/functions'
import type { HandlersOf } from './context'
import { sessionHandlers } from './session/handlers'
import { ratingHandlers } from './ratings/handlers'
import { feedbackHandlers } from './feedback/handlers'
import { visitHandlers } from './visits/handlers'
import { fieldTimeHandlers } from './fieldTime/handlers'
import { catalogHandlers } from './catalog/handlers'
import { inviteHandlers } from './invites/handlers'
import { settingsHandlers } from './settings/handlers'
import { scoreHandlers } from './scores/handlers'
import { setupHandlers } from './setup/handlers'
import { orgHandlers } from './org/handlers'
import { sheetHandlers } from './sheets/handlers'
import { reportHandlers } from './reports/handlers'
import { auditHandlers } from './audit/handlers'
import { reviewHandlers } from './reviews/handlers'
import { commentHandlers } from './comments/handlers'
import { caseHandlers } from './cases/handlers'
import { appealHandlers } from './appeals/handlers'
import { workbenchHandlers } from './workbench/handlers'
import { hallHandlers } from './hall/handlers'

/** Every action but the spreadsheet work (the function `files`) and the local runtime's identity switcher. */
export type ApiAction = Exclude<ActionName, FileAction | 'dev.identities'>

/** One table per feature (its handlers.ts), so a new action touches its own folder, not this file. */
export const apiHandlers: HandlersOf<ApiAction> = {
  ...sessionHandlers,
  ...ratingHandlers,
  ...feedbackHandlers,
  ...visitHandlers,
  ...fieldTimeHandlers,
  ...catalogHandlers,
  ...inviteHandlers,
  ...settingsHandlers,
  ...scoreHandlers,
  ...setupHandlers,
  ...orgHandlers,
  ...sheetHandlers,
  ...reportHandlers,
  ...auditHandlers,
  ...reviewHandlers,
  ...commentHandlers,
  ...caseHandlers,
  ...appealHandlers,
  ...workbenchHandlers,
  ...hallHandlers,
}
