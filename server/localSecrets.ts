// The local runtime's secrets (backend/secrets/secrets.ts): made with crypto.randomBytes on
// the first start into DATA_DIR/secrets.json (mode 0600: only the user running the server reads it), and
// read back on every later start, so pseudonyms and ids stay the same across restarts. The environment
// variables PSEUDONYM_KEY, CLIENT_HASH_KEY and ID_KEY override, each alone. Nothing has a default: a new
// DATA_DIR gets new keys.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { type Secrets, isSecrets, newSecrets, secretsFromEnv, withOverrides } from '@backend/secrets/secrets'

export const SECRETS_FILE = 'secrets.json'

export function localSecrets(dataDir: string, env: Readonly<Record<string, string | undefined>> = process.env): Secrets {
  const file = path.join(dataDir, SECRETS_FILE)
  mkdirSync(dataDir, { recursive: true })
  try {
    // 'wx': only when the file is not there yet, so two starts at once cannot both write theirs.
    writeFileSync(file, `${JSON.stringify(newSecrets(), null, 2)}\n`, { mode: 0o600, flag: 'wx' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  const stored: unknown = JSON.parse(readFileSync(file, 'utf8'))
  if (!isSecrets(stored)) throw new Error(`${file} is not a secrets file (pseudonymKey, clientHashKey, idKey): move it away to have new keys made`)
  const secrets = withOverrides(secretsFromEnv(env), stored)
  if (secrets === null) throw new Error(`${file}: a key is missing`)
  return secrets
}
