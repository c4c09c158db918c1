// The handlers of the function `files` (src/core/functions.ts FILE_ACTIONS): the spreadsheet work,
// kept out of `api` so that api's bundle stays within its budget (README: Budgets).
import type { HandlerTable } from '../../../api/src/context'
import { orgImport } from './orgImport'
import { orgTemplate } from './orgTemplate'
import { orgUploadPath } from './orgUploadPath'
import { reportExport } from './reportExport'

export const filesHandlers: HandlerTable = {
  'org.template': orgTemplate,
  'org.import': orgImport,
  'org.uploadPath': orgUploadPath,
  'report.export': reportExport,
}
