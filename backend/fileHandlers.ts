// The handlers of the function `files` (src/core/functions.ts FILE_ACTIONS): the spreadsheet work, and
// the city view beside its export, kept out of `api` so that api's bundle stays within its budget
// (README: Budgets).
import type { FileAction } from '@core/functions'
import type { HandlersOf } from './context'
import { orgImport } from './roster/orgImport'
import { orgTemplate } from './roster/orgTemplate'
import { orgUploadPath } from './roster/orgUploadPath'
import { reportExport } from './reports/reportExport'
import { cityExport } from './city/cityExport'
import { cityGet } from './city/cityGet'

export const filesHandlers: HandlersOf<FileAction> = {
  'org.template': orgTemplate,
  'org.import': orgImport,
  'org.uploadPath': orgUploadPath,
  'report.export': reportExport,
  'city.overview': cityGet,
  'city.export': cityExport,
}
