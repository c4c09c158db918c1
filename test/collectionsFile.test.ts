// backend/store/cloudbase/collections.json is the one description of the cloud database: admin.setup creates
// what it lists, and the README's deploy steps show its indexes and rule. These hold the three together.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import collectionsFile from '@backend/store/cloudbase/collections.json'
import { COLLECTIONS, type CloudCollections } from '@backend/store/cloudbase/collections'

/** Every collection of the CloudCollections type (the compiler holds this list to the type). */
const TYPED: Record<keyof CloudCollections, true> = {
  settings: true,
  subdistricts: true,
  communities: true,
  grids: true,
  posts: true,
  workers: true,
  principals: true,
  resident_ratings: true,
  feedback: true,
  recipient_months: true,
  tallies: true,
  subdistrict_scores: true,
  idempotency: true,
  code_images: true,
  visits: true,
  invites: true,
  worker_bindings: true,
  binding_changes: true,
  field_sessions: true,
  field_states: true,
  sheets: true,
  audit: true,
  evaluation_snapshots: true,
  appeals: true,
  cases: true,
  reviews: true,
  settings_versions: true,
  secrets: true,
  uploads: true,
  hall_rotas: true,
}

const readme = readFileSync(path.resolve(__dirname, '../README.md'), 'utf8')

it('lists exactly the collections CloudStore uses', () => {
  expect(COLLECTIONS.map((c) => c.name).sort()).toEqual(Object.keys(TYPED).sort())
})

it('denies every client read and write: all access goes through the function', () => {
  expect(collectionsFile.securityRule).toEqual({ read: false, write: false })
  expect(readme).toContain('{ "read": false, "write": false }')
})

it("shows every collection's indexes in the README's deploy steps", () => {
  for (const { name, indexes } of COLLECTIONS) {
    const row = readme.split('\n').find((line) => line.startsWith('     |') && line.includes(`\`${name}\``))
    expect({ name, row: row !== undefined }).toEqual({ name, row: true })
    for (const index of indexes) expect({ name, index: index.fields.join(', '), inRow: row?.includes(index.fields.join(', ')) }).toEqual({ name, index: index.fields.join(', '), inRow: true })
  }
})
