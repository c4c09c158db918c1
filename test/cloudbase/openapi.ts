// Stubs for `cloud.openapi` (WeChat's server APIs: security.msgSecCheck, wxacode.getUnlimited, ...),
// which do not go through the database seam. Each simulated instance's real SDK gets its own object;
// a call nobody stubbed throws, so a test never meets a silent answer it did not choose.

export type OpenApiMethod = (request: unknown) => unknown
export type OpenApiStubs = Readonly<Record<string, Readonly<Record<string, OpenApiMethod>>>>

/** security.msgSecCheck v2 passing every text, as the real one answers a harmless comment. */
export const DEFAULT_OPENAPI: OpenApiStubs = {
  security: {
    msgSecCheck: () => ({ errCode: 0, errMsg: 'openapi.security.msgSecCheck:ok', result: { suggest: 'pass', label: 100 } }),
  },
}

/** `openapi.<namespace>.<method>(request)` answering the stub's answer as a promise; stubs win over defaults. */
export function openApiOf(stubs: OpenApiStubs): object {
  const merged = new Map<string, Map<string, OpenApiMethod>>()
  for (const source of [DEFAULT_OPENAPI, stubs]) {
    for (const [namespace, methods] of Object.entries(source)) {
      const known = merged.get(namespace) ?? new Map<string, OpenApiMethod>()
      for (const [name, method] of Object.entries(methods)) known.set(name, method)
      merged.set(namespace, known)
    }
  }
  const namespaceOf = (namespace: string) =>
    new Proxy(
      {},
      {
        get: (_target, name) => {
          // Not a call: `await`, console.log and the like probe these.
          if (typeof name === 'symbol' || name === 'then' || name === 'toJSON') return undefined
          const method = merged.get(namespace)?.get(name)
          if (method === undefined) throw new Error(`cloudbase harness: openapi.${namespace}.${name} is not stubbed (option openapi)`)
          return async (request: unknown) => method(request)
        },
      },
    )
  return new Proxy(
    {},
    { get: (_target, namespace) => (typeof namespace === 'symbol' || namespace === 'then' ? undefined : namespaceOf(namespace)) },
  )
}
