// One-time invites that bind a WeChat identity to a worker or staff record, and the record of every binding change (issue 7).
// Part of the Store (store.ts): one interface, implemented by server/stores/invites.ts (SQLite) and
// cloudfunctions/api/src/cloudStores/invites.ts (CloudBase), checked by one contract suite.
export interface InviteStore {}
