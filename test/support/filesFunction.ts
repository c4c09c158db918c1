// The BUILT function `files` (npm run build:cloud), for the tests that load it on the real SDK.
import path from 'node:path'
import { repositoryRoot } from '../cloudbase/realSdk'

export const FILES_BUNDLE = path.join(repositoryRoot(), 'cloudfunctions', 'files', 'index.js')
