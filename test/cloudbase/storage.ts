// Cloud storage (云存储) as a function sees it, for `cloud.uploadFile`: files by cloud path, with the
// file ID CloudBase answers (`cloud://<env>.<bucket>/<path>`). It does not go through the database seam;
// every instance of one emulated environment shares one storage.
import type { CloudbaseEmulator } from './emulator'

export class CloudFileStorage {
  readonly files = new Map<string, Buffer>()

  upload(cloudPath: string, content: Buffer | Uint8Array): string {
    if (typeof cloudPath !== 'string' || cloudPath === '' || cloudPath.startsWith('/')) {
      throw Object.assign(new Error(`uploadFile:fail invalid cloudPath ${String(cloudPath)}`), { errCode: -503001 })
    }
    this.files.set(cloudPath, Buffer.from(content))
    return `cloud://emulator-env.656d-emulator-env/${cloudPath}`
  }
}

const storages = new WeakMap<CloudbaseEmulator, CloudFileStorage>()

/** The storage of an emulated environment. */
export function storageOf(emulator: CloudbaseEmulator): CloudFileStorage {
  let storage = storages.get(emulator)
  if (storage === undefined) {
    storage = new CloudFileStorage()
    storages.set(emulator, storage)
  }
  return storage
}
