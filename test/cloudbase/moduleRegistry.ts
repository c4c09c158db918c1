// A private CommonJS registry: Node's own loader (Module.prototype.load, Node's resolution) with a cache
// of its own, so each simulated function instance gets its own copy of every module it requires (its
// own wx-server-sdk, its own warm caches), as separate CloudBase instances do. Works the same inside
// jest (whose registry would share modules) and in plain Node. Node built-ins are shared.
//
// How: every module loaded here gets an own `require` method that resolves through Node and loads into
// this registry; the `require` Node hands a module's code calls `module.require`, so the whole graph
// below an entry stays in the registry. Built-ins come through Node's own Module.prototype.require
// (jest replaces `createRequire` with its own, whose `process` is a sandbox copy).
import Module from 'node:module'
import path from 'node:path'

interface NodeModule {
  exports: unknown
  filename: string
  paths: string[]
  loaded: boolean
  require(request: string): unknown
  load(filename: string): void
}

interface ModuleStatics {
  new (id: string, parent?: NodeModule | null): NodeModule
  _resolveFilename(request: string, parent: NodeModule): string
  _nodeModulePaths(from: string): string[]
  isBuiltin(request: string): boolean
}

// Node's loader internals, which @types/node does not declare.
const NodeModuleClass = Module as unknown as ModuleStatics

export class ModuleRegistry {
  private readonly cache = new Map<string, NodeModule>()
  private readonly origin: NodeModule

  /** `root`: the directory requests without a `from` resolve from (the repository root). */
  constructor(readonly root: string) {
    const filename = path.join(root, '[cloudbase-harness]')
    this.origin = new NodeModuleClass(filename, null)
    this.origin.filename = filename
    this.origin.paths = NodeModuleClass._nodeModulePaths(root)
  }

  /** The absolute file `request` resolves to, as seen from the file `from`. */
  resolve(request: string, from?: string): string {
    return NodeModuleClass._resolveFilename(request, from === undefined ? this.origin : this.parentAt(from))
  }

  /** Loads (once per registry) the module `request` names, as seen from the file `from`. */
  require(request: string, from?: string): unknown {
    return this.load(request, from === undefined ? this.origin : this.parentAt(from))
  }

  private load(request: string, parent: NodeModule): unknown {
    if (NodeModuleClass.isBuiltin(request)) return this.origin.require(request)
    const filename = NodeModuleClass._resolveFilename(request, parent)
    const cached = this.cache.get(filename)
    if (cached !== undefined) return cached.exports
    const module = new NodeModuleClass(filename, parent)
    module.filename = filename
    module.paths = NodeModuleClass._nodeModulePaths(path.dirname(filename))
    module.require = (id: string) => this.load(id, module)
    this.cache.set(filename, module)
    try {
      module.load(filename)
    } catch (error) {
      this.cache.delete(filename)
      throw error
    }
    return module.exports
  }

  /** A stand-in parent for resolving from a file that may not have been loaded here. */
  private parentAt(from: string): NodeModule {
    const loaded = this.cache.get(from)
    if (loaded !== undefined) return loaded
    const parent = new NodeModuleClass(from, null)
    parent.filename = from
    parent.paths = NodeModuleClass._nodeModulePaths(path.dirname(from))
    return parent
  }
}
