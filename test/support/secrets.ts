// The deployment's keys for tests (cloudfunctions/api/src/domain/secrets.ts): random, made once per test
// process, so a test that computes a pseudonym or a keyed id (ids.ts ratingRefId) gets what the handlers
// under test got. Nothing here is a default: another process gets other keys.
import { type SecretKeeper, type Secrets, fixedSecrets, newSecrets } from '../../cloudfunctions/api/src/domain/secrets'

export const TEST_SECRETS: Secrets = newSecrets()

/** What a dispatch env built in a test passes as `secrets`. */
export const testSecrets: SecretKeeper = fixedSecrets(TEST_SECRETS)
