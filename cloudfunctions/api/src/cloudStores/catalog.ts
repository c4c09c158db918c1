// The CloudBase side of CatalogStore (../stores/catalog.ts): documents written atomically one by one, lists
// paged by 100 (../cloudLists.ts), collections declared in ../../collections.json.
import type { CloudDb } from '../cloudDb'
import type { CloudCollections } from '../cloudCollections'
import type { CatalogStore } from '../stores/catalog'

export class CloudCatalogStore implements CatalogStore {
  constructor(readonly db: CloudDb<CloudCollections>) {}
}
