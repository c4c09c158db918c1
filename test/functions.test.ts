// Which function serves which action (src/core/functions.ts): `files` exactly the spreadsheet actions,
// `api` every other action of the contract (dev.identities is the local runtime's own), none twice —
// so the clients' functionOf(action) always names a function that has the handler.
import { apiHandlers } from '@backend/handlers'
import { filesHandlers } from '@backend/fileHandlers'
import type { HandlerTable } from '@backend/context'
import { type ActionName, payloadSchemas } from '@core/contract'
import { FILE_ACTIONS, functionOf } from '@core/functions'

const actions = Object.keys(payloadSchemas).filter((a) => a !== 'dev.identities') as ActionName[]
/** Both tables as the door sees them: an action a function does not serve is absent. */
const api: HandlerTable = apiHandlers
const files: HandlerTable = filesHandlers

it('serves org.template, org.import, org.uploadPath, report.export and the city view with its export from files, and nothing else there', () => {
  expect(Object.keys(filesHandlers).sort()).toEqual(['city.export', 'city.overview', 'org.import', 'org.template', 'org.uploadPath', 'report.export'])
  expect([...FILE_ACTIONS].sort()).toEqual(Object.keys(filesHandlers).sort())
})

it('serves every other action from api, so each action has exactly the function functionOf names', () => {
  for (const action of actions) {
    const served = [api[action] !== undefined ? 'api' : null, files[action] !== undefined ? 'files' : null].filter(Boolean)
    expect({ action, served }).toEqual({ action, served: [functionOf(action)] })
  }
})
