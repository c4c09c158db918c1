// Setting an environment up, the same in the cloud (admin.setup) and locally (npm start on an empty
// DATA_DIR): whatever the store is missing (the cloud's collections), each worker's tally document of the
// year, the demo when asked for on an environment with no organisation yet, and the default settings —
// last, because their presence is what says the environment is set up (Store.isSetUp).
// A second run changes nothing.
import { monthOf } from '../../../../src/core/periods'
import { DEFAULT_SETTINGS } from '../../../../src/core/settings'
import { seedDemo } from '../demo/seed'
import { FOUR_POSTS } from '../demo/seedOrg'
import type { Store } from '../store'
import type { SecretKeeper } from './secrets'

export interface SetupResult {
  created: string[]
  demoLoaded: boolean
}

export async function setUpEnvironment(store: Store, now: Date, { demo }: { demo: boolean }, keeper: SecretKeeper): Promise<SetupResult> {
  const created = await store.setup()
  // The deployment's keys first (the cloud: random, kept in `secrets`): the demo's data is keyed with them.
  const secrets = await keeper.ensure()
  const demoLoaded = demo && (await store.isEmpty())
  if (demoLoaded) await seedDemo(store, now, secrets)
  // The 4 of 3456: an environment starts with the four posts and their duties, which the bureau then edits.
  if ((await store.catalog.listPosts()).length === 0) for (const post of FOUR_POSTS) await store.catalog.addPost(post)
  await store.prepareYear(monthOf(now).slice(0, 4))
  if ((await store.getSettings()) === null) await store.saveSettings(DEFAULT_SETTINGS)
  return { created, demoLoaded }
}
