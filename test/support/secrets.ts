// The deployment's keys for tests (backend/secrets/secrets.ts): random, made once per test
// process, so a test that computes a pseudonym or a keyed id (ids.ts ratingRefId) gets what the handlers
// under test got. Nothing here is a default: another process gets other keys.
import { type SecretKeeper, type Secrets, fixedSecrets, newSecrets } from '@backend/secrets/secrets'

export const TEST_SECRETS: Secrets = newSecrets()

/** What a dispatch env built in a test passes as `secrets`. */
export const testSecrets: SecretKeeper = fixedSecrets(TEST_SECRETS)
