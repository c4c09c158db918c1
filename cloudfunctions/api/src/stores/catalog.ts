// The four posts (四岗说明书) and the directory of communities, grids and their workers (issue 7).
// Part of the Store (store.ts): one interface, implemented by server/stores/catalog.ts (SQLite) and
// cloudfunctions/api/src/cloudStores/catalog.ts (CloudBase), checked by one contract suite.
export interface CatalogStore {}
