// The deployment's secrets (trust rule 5: no id, token or pseudonym that leaves the back end is a plain
// hash of something a caller knows, and no secret has a default in the source). Three keys, each for one
// job, so that changing one breaks only that job:
// - pseudonymKey: raters' pseudonyms staff see (评价人 K7QM2A);
// - clientHashKey: the keyed hash of a rater's client address the suspicious-pattern batch compares;
// - idKey: every id derived from a rating or a worker's own data that a reader gets (case, appeal and
//   review ids, a rating's reply id, field sessions, the tokens appeal.mine and comment.list name
//   ratings by).
// Where they come from is the host's business (the cloud: the `secrets` collection admin.setup fills;
// locally: DATA_DIR/secrets.json); the environment variables override either.
import { randomBytes } from 'node:crypto'
import { ApiError, NOT_READY_MESSAGE } from '@core/errors'

export interface Secrets {
  pseudonymKey: string
  clientHashKey: string
  idKey: string
}

/** The environment variable that overrides each secret. */
export const SECRET_ENV: Readonly<Record<keyof Secrets, string>> = {
  pseudonymKey: 'PSEUDONYM_KEY',
  clientHashKey: 'CLIENT_HASH_KEY',
  idKey: 'ID_KEY',
}

const NAMES = Object.keys(SECRET_ENV) as Array<keyof Secrets>

/** Three fresh keys, 256 random bits each. */
export function newSecrets(): Secrets {
  return { pseudonymKey: randomBytes(32).toString('base64url'), clientHashKey: randomBytes(32).toString('base64url'), idKey: randomBytes(32).toString('base64url') }
}

/** The secrets the environment sets, each alone (an empty variable sets nothing). */
export function secretsFromEnv(env: Readonly<Record<string, string | undefined>>): Partial<Secrets> {
  const set: Partial<Secrets> = {}
  for (const name of NAMES) {
    const value = env[SECRET_ENV[name]]
    if (value !== undefined && value !== '') set[name] = value
  }
  return set
}

/** Every secret the environment does not set, from `stored`; null when one is in neither. */
export function withOverrides(overrides: Partial<Secrets>, stored: Partial<Secrets> | null): Secrets | null {
  const merged: Partial<Secrets> = { ...(stored ?? {}), ...overrides }
  return NAMES.every((name) => typeof merged[name] === 'string' && merged[name] !== '') ? (merged as Secrets) : null
}

/** Whether `value` holds all three keys as non-empty strings (a stored document or file read back). */
export function isSecrets(value: unknown): value is Secrets {
  if (typeof value !== 'object' || value === null) return false
  return NAMES.every((name) => typeof (value as Record<string, unknown>)[name] === 'string' && (value as Record<string, string>)[name] !== '')
}

/**
 * How handlers reach the secrets (DispatchEnv -> HandlerContext). `get` answers NOT_READY before the
 * environment has any (the cloud before admin.setup); `ensure` makes them when missing (admin.setup).
 */
export interface SecretKeeper {
  get(): Promise<Secrets>
  ensure(): Promise<Secrets>
}

export function secretsNotReady(): ApiError {
  return new ApiError('NOT_READY', NOT_READY_MESSAGE)
}

/** A keeper of secrets known already: the local runtime (read or made at start) and tests. */
export function fixedSecrets(secrets: Secrets): SecretKeeper {
  const answer = () => Promise.resolve(secrets)
  return { get: answer, ensure: answer }
}
