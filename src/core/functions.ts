// Which cloud function serves an action. `api` serves everything but the spreadsheet work, which needs
// a library too big for api's budget (README: Budgets); `files` serves that, with the same envelope, and
// the bureau's city view beside its spreadsheet: one builder for both, and a rare read of every
// sub-district that api's 300 KB need not carry.
import type { ActionName } from './contract'

export type FunctionName = 'api' | 'files'

export const FILE_ACTIONS = ['org.template', 'org.import', 'org.uploadPath', 'report.export', 'city.overview', 'city.export'] as const satisfies readonly ActionName[]
export type FileAction = (typeof FILE_ACTIONS)[number]

export function functionOf(action: ActionName): FunctionName {
  return (FILE_ACTIONS as readonly ActionName[]).includes(action) ? 'files' : 'api'
}
