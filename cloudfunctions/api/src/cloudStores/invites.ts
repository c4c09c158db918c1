// The CloudBase side of InviteStore (../stores/invites.ts): documents written atomically one by one, lists
// paged by 100 (../cloudLists.ts), collections declared in ../../collections.json.
import type { CloudDb } from '../cloudDb'
import type { CloudCollections } from '../cloudCollections'
import type { InviteStore } from '../stores/invites'

export class CloudInviteStore implements InviteStore {
  constructor(readonly db: CloudDb<CloudCollections>) {}
}
