// The emulator under the real SDK. @cloudbase/database builds every request with
// `new Db.reqClass(config).send(api, params, opts)`; @cloudbase/node-sdk's `newDb` sets
// `Db.reqClass = TcbDBApiHttpRequester` on EVERY `cloud.database()` call, so the class is installed as
// an accessor whose setter ignores that assignment.
// The real requester (tcbapirequester.js `request` -> utils.js `processReturn`) throws
// `new TcbError({ code, message, requestId })` when a reply has a `code`; the seam throws the same,
// built with the TcbError class of the SDK's own node-sdk copy, so wx-server-sdk's wrappers make of it
// exactly what they make of a real error. What the emulator does not emulate is thrown as a plain
// Error of the SDK's realm, so its message survives wx-server-sdk's `instanceof Error` check.
import type { CloudbaseEmulator } from './emulator'
import { PlatformError, UnsupportedError } from './errors'

type ErrorClass = new (...args: never[]) => Error
type TcbErrorClass = new (error: { code: string; message: string; requestId: string }) => Error

function isClass(value: unknown): value is ErrorClass {
  return typeof value === 'function' && typeof value.prototype === 'object'
}

/**
 * Installs the emulator as `Db.reqClass` of one copy of @cloudbase/database (the module object), every
 * request of it carrying `instance`. `tcbError` is node-sdk's TcbError of the same SDK copy.
 */
export function installEmulatorSeam(databaseModule: unknown, tcbError: unknown, emulator: CloudbaseEmulator, instance: string): void {
  const Db: unknown = typeof databaseModule === 'object' && databaseModule !== null ? Reflect.get(databaseModule, 'Db') : undefined
  if (typeof Db !== 'function') throw new Error('cloudbase emulator: @cloudbase/database has no Db class')
  if (!isClass(tcbError)) throw new Error('cloudbase emulator: @cloudbase/node-sdk has no TcbError class')
  const TcbError = tcbError as unknown as TcbErrorClass
  // Error of the SDK's realm: the parent class of its TcbError.
  const RealmError = Object.getPrototypeOf(tcbError) as ErrorConstructor

  class EmulatorRequester {
    constructor(readonly config: unknown) {}

    async send(api: string, params?: unknown, opts?: unknown): Promise<unknown> {
      try {
        return await emulator.send(instance, api, params, opts)
      } catch (error) {
        if (error instanceof PlatformError) throw new TcbError({ code: error.code, message: error.message, requestId: error.requestId })
        if (error instanceof UnsupportedError) throw new RealmError(error.message)
        throw error
      }
    }
  }

  Object.defineProperty(Db, 'reqClass', {
    configurable: true,
    get: () => EmulatorRequester,
    set: () => undefined,
  })
}
