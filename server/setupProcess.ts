// The child process of server/firstStart.ts: sets an empty DATA_DIR up (the demo, the posts, the
// settings) with a connection of its own, says whether the demo was loaded, and ends.
import { seedDemo } from '@backend/demo/seed'
import { fixedSecrets } from '@backend/secrets/secrets'
import { setUpEnvironment } from '@backend/setup/setup'
import { SqliteStore } from '@backend/store/sqlite/sqliteStore'
import { localSecrets } from './localSecrets'

async function setUp(dataDir: string, now: Date): Promise<void> {
  const store = new SqliteStore(SqliteStore.fileIn(dataDir))
  try {
    const { demoLoaded } = await setUpEnvironment(store, now, { demo: seedDemo }, fixedSecrets(localSecrets(dataDir)))
    process.stdout.write(demoLoaded ? 'demo loaded\n' : 'set up\n')
  } finally {
    store.close()
  }
}

setUp(process.env.DATA_DIR ?? '.data', new Date(process.env.SETUP_NOW ?? Date.now())).catch((error: unknown) => {
  console.error('设置数据目录失败：', error)
  process.exit(1)
})
