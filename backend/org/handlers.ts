// The organisation actions of the function api; spread into ../handlers.ts.
import type { HandlerTable } from '../context'
import { communityGrids } from './communityGrids'
import { communitySave } from './communitySave'
import { gridSave } from './gridSave'
import { orgInvite } from './orgInvite'
import { orgList } from './orgList'
import { subdistrictSave } from './subdistrictSave'
import { workerUpdate } from './workerUpdate'

export const orgHandlers = {
  'org.list': orgList,
  'org.subdistrict.save': subdistrictSave,
  'org.community.save': communitySave,
  'community.grids': communityGrids,
  'grid.save': gridSave,
  'worker.update': workerUpdate,
  'org.invite': orgInvite,
} satisfies HandlerTable
