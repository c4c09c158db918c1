// Field sessions: the time a worker logs down in the grid, the 5 of 3456 (issue 7).
// Part of the Store (store.ts): one interface, implemented by server/stores/fieldTime.ts (SQLite) and
// cloudfunctions/api/src/cloudStores/fieldTime.ts (CloudBase), checked by one contract suite.
export interface FieldTimeStore {}
