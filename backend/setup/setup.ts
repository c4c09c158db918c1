// Setting an environment up, the same in the cloud (admin.setup) and locally (npm start on an empty
// DATA_DIR): whatever the store is missing (the cloud's collections), each worker's tally document of the
// year, the demo when asked for on an environment with no organisation yet, and the default settings —
// last, because their presence is what says the environment is set up (Store.isSetUp).
// A second run changes nothing.
import { monthOf } from '@core/periods'
import { DEFAULT_SETTINGS } from '@core/settings'
import { FOUR_POSTS } from '../catalog/fourPosts'
import type { Store } from '../store'
import type { Secrets, SecretKeeper } from '../secrets/secrets'

export interface SetupResult {
  created: string[]
  demoLoaded: boolean
}

/** Loads the demo organisation and its activity (backend/demo), handed in by whoever asks for it. */
export type DemoLoader = (store: Store, now: Date, secrets: Secrets) => Promise<void>

export async function setUpEnvironment(store: Store, now: Date, { demo }: { demo?: DemoLoader }, keeper: SecretKeeper): Promise<SetupResult> {
  const created = await store.setup()
  // The deployment's keys first (the cloud: random, kept in `secrets`): the demo's data is keyed with them.
  const secrets = await keeper.ensure()
  const demoLoaded = demo !== undefined && (await store.isEmpty())
  if (demoLoaded) await demo(store, now, secrets)
  // The 4 of 3456: an environment starts with the four posts and their duties, which the bureau then edits.
  if ((await store.catalog.listPosts()).length === 0) for (const post of FOUR_POSTS) await store.catalog.addPost(post)
  await store.prepareYear(monthOf(now).slice(0, 4))
  if ((await store.getSettings()) === null) await store.saveSettings(DEFAULT_SETTINGS)
  return { created, demoLoaded }
}
