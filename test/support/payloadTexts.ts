// Every string a payload schema accepts, found by walking the valibot schemas of the contract, so the
// moderation table (backend/moderation/textFields.ts) is checked against the schemas and cannot go stale.
// A free text or a name is a string the schema cleans (`cleaned`, src/core/cleanText.ts); any other
// string (an id, a code, a key, a date) is listed by name in the test with why nobody reads it.
import { cleaned } from '@core/cleanText'
import { payloadSchemas, type ActionName } from '@core/contract'

export interface PayloadString {
  action: ActionName
  /** Dot path, arrays walked through (as textsAt reads it): 'post.duties', 'reviewIds'. */
  path: string
  /** The schema cleans it: free text or a name. */
  text: boolean
}

export interface PayloadStrings {
  strings: PayloadString[]
  /** Fields checked by the handler, opaque to the walk (v.custom): `action path`. */
  opaque: string[]
}

interface Walked {
  type: string
  pipe?: readonly unknown[]
  wrapped?: Walked
  entries?: Record<string, Walked>
  item?: Walked
  /** A variant's object schemas, one per kind. */
  options?: Walked[]
}

export function payloadStrings(): PayloadStrings {
  const strings: PayloadString[] = []
  const opaque: string[] = []
  const walk = (action: ActionName, schema: Walked, path: string[], cleans: boolean): void => {
    const isCleaned = cleans || (schema.pipe ?? []).includes(cleaned)
    const inner = schema.pipe?.[0] as Walked | undefined
    if (inner !== undefined && inner !== schema) return walk(action, inner, path, isCleaned)
    switch (schema.type) {
      case 'optional':
      case 'nullable':
      case 'nullish':
        if (schema.wrapped !== undefined) walk(action, schema.wrapped, path, isCleaned)
        return
      case 'object':
        for (const [key, entry] of Object.entries(schema.entries ?? {})) walk(action, entry, [...path, key], false)
        return
      case 'array':
        if (schema.item !== undefined) walk(action, schema.item, path, isCleaned)
        return
      case 'variant':
        // Each kind's fields at the same path; a field two kinds share is listed once.
        for (const option of schema.options ?? []) walk(action, option, path, isCleaned)
        return
      case 'string':
        if (!strings.some((s) => s.action === action && s.path === path.join('.'))) strings.push({ action, path: path.join('.'), text: isCleaned })
        return
      case 'custom':
        opaque.push(`${action} ${path.join('.')}`)
        return
      default:
        // numbers, booleans, picklists, literals: nothing to read as text
        return
    }
  }
  for (const action of Object.keys(payloadSchemas) as ActionName[]) {
    walk(action, payloadSchemas[action] as unknown as Walked, [], false)
  }
  return { strings, opaque }
}

/** The schema types the walk knows; a payload using another (a union, a record) fails the test until taught. */
export const KNOWN_SCHEMA_TYPES: ReadonlySet<string> = new Set(['object', 'optional', 'nullable', 'nullish', 'array', 'string', 'custom', 'number', 'boolean', 'picklist', 'literal', 'variant'])

/** Every schema type used in the payloads, to hold the walk to KNOWN_SCHEMA_TYPES. */
export function schemaTypesUsed(): Set<string> {
  const types = new Set<string>()
  const visit = (schema: Walked): void => {
    types.add(schema.type)
    const inner = schema.pipe?.[0] as Walked | undefined
    if (inner !== undefined && inner !== schema) visit(inner)
    if (schema.wrapped !== undefined) visit(schema.wrapped)
    if (schema.item !== undefined) visit(schema.item)
    for (const entry of Object.values(schema.entries ?? {})) visit(entry)
    for (const option of schema.options ?? []) visit(option)
  }
  for (const schema of Object.values(payloadSchemas)) visit(schema as unknown as Walked)
  return types
}
