// The deployment's keys (trust rule 5: no secret has a default in the source). Locally: made into
// DATA_DIR/secrets.json (0600) on the first start and read back after; in the cloud: one document of
// `secrets`, made by admin.setup, read once per instance; the environment overrides either, key by key.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { COLLECTION_NAMES } from '@backend/store/cloudbase/collections'
import { cloudSecrets } from '@backend/secrets/cloudbase'
import { secretsFromEnv } from '@backend/secrets/secrets'
import { localSecrets } from '../server/localSecrets'
import { CloudbaseEmulator } from './cloudbase/emulator'
import { createSdkDatabase } from './cloudbase/realSdk'

describe('locally: DATA_DIR/secrets.json', () => {
  const dirs: string[] = []
  const fresh = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'community-3456-secrets-'))
    dirs.push(dir)
    return dir
  }
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

  it('makes three random keys on the first start, readable by the owner only, and reads the same ones after', () => {
    const dir = fresh()
    const first = localSecrets(dir, {})
    expect(statSync(path.join(dir, 'secrets.json')).mode & 0o777).toBe(0o600)
    expect(new Set(Object.values(first)).size).toBe(3)
    for (const key of Object.values(first)) expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/) // 32 random bytes
    expect(localSecrets(dir, {})).toEqual(first)
    expect(JSON.parse(readFileSync(path.join(dir, 'secrets.json'), 'utf8'))).toEqual(first)
  })

  it('gives two fresh data directories different keys: nothing comes from the source', () => {
    const [a, b] = [localSecrets(fresh(), {}), localSecrets(fresh(), {})]
    expect(a.pseudonymKey).not.toBe(b.pseudonymKey)
    expect(a.clientHashKey).not.toBe(b.clientHashKey)
    expect(a.idKey).not.toBe(b.idKey)
  })

  it('lets each environment variable override its key alone; an empty one overrides nothing', () => {
    const dir = fresh()
    const stored = localSecrets(dir, {})
    expect(localSecrets(dir, { PSEUDONYM_KEY: 'from-the-environment', ID_KEY: '' })).toEqual({ ...stored, pseudonymKey: 'from-the-environment' })
  })

  it('refuses a secrets file that is not one, rather than running without keys', () => {
    const dir = fresh()
    writeFileSync(path.join(dir, 'secrets.json'), '{"pseudonymKey":"a"}')
    expect(() => localSecrets(dir, {})).toThrow(/not a secrets file/)
  })
})

describe('in the cloud: the `secrets` collection', () => {
  let emulator: CloudbaseEmulator
  beforeEach(() => {
    emulator = new CloudbaseEmulator({ collections: COLLECTION_NAMES })
  })
  afterEach(() => emulator.dispose())

  it('answers NOT_READY before setup, makes the keys once on ensure, and reads them once per instance', async () => {
    const keeper = cloudSecrets(createSdkDatabase(emulator, 'api-1'), {})
    await expect(keeper.get()).rejects.toMatchObject({ code: 'NOT_READY' })
    const made = await keeper.ensure()
    // A second setup, from another instance, keeps the first one's keys.
    expect(await cloudSecrets(createSdkDatabase(emulator, 'api-2'), {}).ensure()).toEqual(made)
    const later = cloudSecrets(createSdkDatabase(emulator, 'api-3'), {})
    emulator.resetRequests()
    expect(await later.get()).toEqual(made)
    expect(await later.get()).toEqual(made)
    expect(emulator.requestCount({ instance: 'api-3' })).toBe(1)
  })

  it('takes the environment over the stored keys, key by key, and reads nothing when it sets all three', async () => {
    const made = await cloudSecrets(createSdkDatabase(emulator, 'setup'), {}).ensure()
    const one = cloudSecrets(createSdkDatabase(emulator, 'api-1'), secretsFromEnv({ CLIENT_HASH_KEY: 'set-by-the-deployer' }))
    expect(await one.get()).toEqual({ ...made, clientHashKey: 'set-by-the-deployer' })
    emulator.resetRequests()
    const all = cloudSecrets(createSdkDatabase(emulator, 'api-2'), secretsFromEnv({ PSEUDONYM_KEY: 'p', CLIENT_HASH_KEY: 'c', ID_KEY: 'i' }))
    expect(await all.get()).toEqual({ pseudonymKey: 'p', clientHashKey: 'c', idKey: 'i' })
    expect(emulator.requestCount({ instance: 'api-2' })).toBe(0)
  })
})
