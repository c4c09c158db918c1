// The deployment's secrets in the cloud (secrets.ts): one document of the `secrets` collection,
// which, like every collection, no client may read (collections.json). admin.setup makes them once with
// crypto.randomBytes; `add` with a fixed `_id` refuses a second document, so two setups at once keep the
// first one's keys. An instance reads the document once and keeps it: a warm instance's calls cost no
// request for it. The function's environment variables (PSEUDONYM_KEY, CLIENT_HASH_KEY, ID_KEY) override,
// each alone; with all three set, nothing is read.
import { type CloudDb, getOrNull, isCollectionMissing, isDuplicateKey } from '../store/cloudbase/db'
import type { CloudCollections } from '../store/cloudbase/collections'
import { type SecretKeeper, type Secrets, isSecrets, newSecrets, secretsNotReady, withOverrides } from './secrets'

/** The one document's `_id`. */
export const SECRETS_DOC = 'deployment'

export function cloudSecrets(db: CloudDb<CloudCollections>, overrides: Partial<Secrets>): SecretKeeper {
  let known: Secrets | null = withOverrides(overrides, {})
  const doc = () => db.collection('secrets').doc(SECRETS_DOC)

  /** The stored keys, or null before setup (no collection or no document yet). */
  async function stored(): Promise<Secrets | null> {
    try {
      const found = await getOrNull(doc())
      return isSecrets(found) ? { pseudonymKey: found.pseudonymKey, clientHashKey: found.clientHashKey, idKey: found.idKey } : null
    } catch (error) {
      if (isCollectionMissing(error)) return null
      throw error
    }
  }

  return {
    async get() {
      // Null is not kept: before setup every call asks again, and the first after it finds them.
      if (known === null) known = withOverrides(overrides, await stored())
      if (known === null) throw secretsNotReady()
      return known
    },
    // Stored even when the environment sets all three, so that removing the variables later finds keys.
    async ensure() {
      let found = await stored()
      if (found === null) {
        try {
          await db.collection('secrets').add({ data: { _id: SECRETS_DOC, ...newSecrets() } })
        } catch (error) {
          if (!isDuplicateKey(error)) throw error
        }
        found = await stored()
      }
      known = withOverrides(overrides, found)
      if (known === null) throw secretsNotReady()
      return known
    },
  }
}
