// admin.setup: the bureau sets an environment up (domain/setup.ts): in a fresh cloud environment the
// collections of collections.json and the default settings; with { demo: true } on an environment that
// has no organisation yet, also the demo organisation and its activity, the same as the local seed.
// Running it again changes nothing. Before it has run every other action answers NOT_READY. A setup
// killed midway is continued by the next call, demo included, whatever that call asks (setup.ts).
// What no API lets the function do itself (the cloud's storage rules) is answered as steps for the deployer.
import type { Handler } from '../context'
import { type DemoLoader, setUpEnvironment } from './setup'

// Loaded only when a setup loads the demo: the cloud build keeps it out of `api`'s index.js, in its own
// demo.js beside it (scripts/build-cloud.mjs), so no rating pays for loading it cold.
const seedDemo: DemoLoader = async (...args) => (await import('../demo/seed')).seedDemo(...args)

export const adminSetup: Handler<'admin.setup'> = async ({ demo }, { store, now, secrets, manualSetup }) => {
  const result = await setUpEnvironment(store, now, demo === true ? { demo: seedDemo } : { resumeDemo: seedDemo }, secrets)
  return manualSetup === undefined || manualSetup.length === 0 ? result : { ...result, manualSteps: [...manualSetup] }
}
