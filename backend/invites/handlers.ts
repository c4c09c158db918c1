// Binding a worker's WeChat by invite: the actions of the function api; spread into ../handlers.ts.
import type { HandlerTable } from '../context'
import { inviteCreate } from './inviteCreate'
import { inviteCard } from './inviteCard'
import { inviteAccept } from './inviteAccept'
import { communityWorkers } from './communityWorkers'

export const inviteHandlers = {
  'invite.create': inviteCreate,
  'invite.card': inviteCard,
  'invite.accept': inviteAccept,
  'community.workers': communityWorkers,
} satisfies HandlerTable
