// The CloudBase side of FieldTimeStore (../stores/fieldTime.ts): documents written atomically one by one, lists
// paged by 100 (../cloudLists.ts), collections declared in ../../collections.json.
import type { CloudDb } from '../cloudDb'
import type { CloudCollections } from '../cloudCollections'
import type { FieldTimeStore } from '../stores/fieldTime'

export class CloudFieldTimeStore implements FieldTimeStore {
  constructor(readonly db: CloudDb<CloudCollections>) {}
}
