// hall.rota.get: a community's duty rota of one month, with every worker's hall days; the community's
// admin reads their own, its sub-district and the bureau the community they name (read only).
import type { Handler } from '../context'
import { hallCommunity } from './hallScope'
import { rotaView } from './rotaView'

export const hallRotaGet: Handler<'hall.rota.get'> = async ({ communityId, period }, { caller, store, now }) => {
  const community = await hallCommunity(caller, store, communityId)
  return rotaView(store, community, period, now, caller.principal.role === 'community')
}
