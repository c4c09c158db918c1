// Which cloud function serves an action. `api` serves everything but the spreadsheet work, which needs
// a library too big for api's budget (README: Budgets); `files` serves that, with the same envelope.
import type { ActionName } from './contract'

export type FunctionName = 'api' | 'files'

export const FILE_ACTIONS: readonly ActionName[] = ['org.template', 'org.import', 'org.uploadPath', 'report.export']

export function functionOf(action: ActionName): FunctionName {
  return FILE_ACTIONS.includes(action) ? 'files' : 'api'
}
