// Setting an environment up, the same in the cloud (admin.setup) and locally (npm start on an empty
// DATA_DIR): whatever the store is missing (the cloud's collections), each worker's tally document of the
// year, the demo when asked for on an environment with no organisation yet, and the default settings —
// last, because their presence is what says the environment is set up (Store.isSetUp).
// A second run changes nothing.
// A setup can stop midway in the cloud (its instance killed at the function's timeout). Where the store
// keeps a progress document (Store.setupProgress), the demo is marked `loading` before its first write,
// with the `now` and the visit-code seed it is generated from, and `loaded` after its last; a later call
// that finds it `loading` loads the same demo again, keeping what is stored and rebuilding the counts,
// whether or not it asked for the demo. Until then the settings are not saved: never set up half-loaded.
import { randomBytes } from 'node:crypto'
import { monthOf } from '@core/periods'
import { DEFAULT_SETTINGS } from '@core/settings'
import { FOUR_POSTS } from '../catalog/fourPosts'
import { seededVisitCodes } from '../demo/seedCodes'
import type { Store } from '../store'
import type { Secrets, SecretKeeper } from '../secrets/secrets'

export interface SetupResult {
  created: string[]
  demoLoaded: boolean
}

/** Loads the demo organisation and its activity (backend/demo), handed in by whoever asks for it. */
export type DemoLoader = (store: Store, now: Date, secrets: Secrets, options?: { visitCodes?: () => string; resume?: boolean }) => Promise<void>

/**
 * `demo`: load the demo (on an environment with no organisation yet). `resumeDemo`: the loader that
 * continues a demo a killed setup left `loading`, when this call did not ask for one.
 */
export async function setUpEnvironment(store: Store, now: Date, { demo, resumeDemo }: { demo?: DemoLoader; resumeDemo?: DemoLoader }, keeper: SecretKeeper): Promise<SetupResult> {
  const created = await store.setup()
  // The deployment's keys first (the cloud: random, kept in `secrets`): the demo's data is keyed with them.
  const secrets = await keeper.ensure()
  const demoLoaded = await loadDemo(store, now, secrets, demo, resumeDemo ?? demo)
  // The 4 of 3456: an environment starts with the four posts and their duties, which the bureau then edits.
  if ((await store.catalog.listPosts()).length === 0) for (const post of FOUR_POSTS) await store.catalog.addPost(post)
  await store.prepareYear(monthOf(now).slice(0, 4))
  if ((await store.getSettings()) === null) await store.saveSettings(DEFAULT_SETTINGS)
  return { created, demoLoaded }
}

/** The demo, loaded fresh, or continued where a killed setup stopped; whether this call loaded it. */
async function loadDemo(store: Store, now: Date, secrets: Secrets, demo: DemoLoader | undefined, resume: DemoLoader | undefined): Promise<boolean> {
  const progress = store.setupProgress
  const left = progress === undefined ? null : await progress.get()
  if (left?.demo.state === 'loading' && resume !== undefined) {
    await resume(store, new Date(left.demo.at), secrets, { visitCodes: seededVisitCodes(left.demo.visitCodeSeed), resume: true })
    await progress?.save({ demo: { ...left.demo, state: 'loaded' } })
    return true
  }
  // Never set up with half a demo: without a loader to continue it, this setup stops here.
  if (left?.demo.state === 'loading') throw new Error('admin.setup: a demo load stopped midway and no demo loader was given to continue it')
  if (demo === undefined || left !== null || !(await store.isEmpty())) return false
  if (progress === undefined) {
    await demo(store, now, secrets)
    return true
  }
  const started = { state: 'loading' as const, at: now.toISOString(), visitCodeSeed: randomBytes(32).toString('base64url') }
  await progress.save({ demo: started })
  await demo(store, now, secrets, { visitCodes: seededVisitCodes(started.visitCodeSeed) })
  await progress.save({ demo: { ...started, state: 'loaded' } })
  return true
}
