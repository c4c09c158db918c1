// Document values as the emulator stores them, decoded from and encoded to the EJSON the SDK exchanges
// (with the same `bson` package the SDK uses), and MongoDB's rules for comparing them.
// Stored values are plain: null, boolean, number, string, Date, arrays and plain objects. Any other BSON
// type (ObjectId, Decimal128, Binary, RegExp, ...) and any `$`-prefixed field name (db.serverDate() is
// sent as `$tcb_server_date`) is not emulated and fails loudly.
import { EJSON } from 'bson'
import { UnsupportedError } from './errors'

export type Value = null | boolean | number | string | Date | Value[] | Fields
export interface Fields {
  [field: string]: Value
}
/** A stored document: its fields and its `_id`. */
export type Doc = Fields & { _id: string }

/** A plain object, of this realm or another (objects the SDK builds come from its own module registry). */
export function isFields(value: unknown): value is Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === null || Object.getPrototypeOf(proto) === null
}

/** Parses one EJSON text the SDK sent (numbers come back as numbers, `$date` as Date). */
export function decodeEjson(text: unknown, what: string): Value {
  return checkValue(parseEjson(text, what), what, false)
}

/** Like decodeEjson, but the result must be an object; query and update operators (`$in`, `$inc`) allowed. */
export function decodeEjsonObject(text: unknown, what: string, operators: boolean): Fields {
  const value = checkValue(parseEjson(text, what), what, operators)
  if (!isFields(value)) throw new UnsupportedError(`${what}: expected an object`)
  return value
}

function parseEjson(text: unknown, what: string): unknown {
  if (typeof text !== 'string') throw new UnsupportedError(`${what}: expected an EJSON string, got ${typeof text}`)
  try {
    return EJSON.parse(text, { relaxed: true })
  } catch (error) {
    throw new UnsupportedError(`${what}: unparsable EJSON (${String(error)})`)
  }
}

function checkValue(value: unknown, what: string, operators: boolean): Value {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value
  if (typeof value === 'number') return value
  if (value instanceof Date) return value
  if (Array.isArray(value)) return value.map((item) => checkValue(item, what, operators))
  if (isFields(value)) {
    const fields: Fields = {}
    for (const [key, item] of Object.entries(value)) {
      if (key.startsWith('$') && !operators) throw new UnsupportedError(`${what}: field name ${key}`)
      fields[key] = checkValue(item, what, operators)
    }
    return fields
  }
  const name = typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value
  throw new UnsupportedError(`${what}: value of type ${name}`)
}

/** Canonical EJSON, as CloudBase replies (`{"$numberInt": "1"}`), for the SDK to parse. */
export function encodeEjson(doc: Fields): string {
  return EJSON.stringify(doc, { relaxed: false })
}

export function clone<T extends Value>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T
  if (Array.isArray(value)) return value.map((item) => clone(item)) as T
  if (isFields(value)) {
    const copy: Fields = {}
    for (const [key, item] of Object.entries(value)) copy[key] = clone(item)
    return copy as T
  }
  return value
}

/** MongoDB equality: dates by instant, arrays in order, embedded documents field by field in order. */
export function deepEqual(a: Value | undefined, b: Value | undefined): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime()
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]))
  }
  if (isFields(a) || isFields(b)) {
    if (!isFields(a) || !isFields(b)) return false
    const keysA = Object.keys(a)
    const keysB = Object.keys(b)
    return keysA.length === keysB.length && keysA.every((key, i) => key === keysB[i] && deepEqual(a[key], b[key]))
  }
  if (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b)) return true
  return a === b
}

/** MongoDB's order of BSON types: null, numbers, strings, objects, arrays, booleans, dates. */
export function typeRank(value: Value | undefined): number {
  if (value === null || value === undefined) return 1
  if (typeof value === 'number') return 2
  if (typeof value === 'string') return 3
  if (value instanceof Date) return 9
  if (typeof value === 'boolean') return 8
  return Array.isArray(value) ? 5 : 4
}

/** Orders two scalars as MongoDB does (strings by their UTF-8 bytes); arrays and documents are not emulated. */
export function compareValues(a: Value | undefined, b: Value | undefined): number {
  const rankA = typeRank(a)
  const rankB = typeRank(b)
  if (rankA !== rankB) return rankA - rankB
  if (rankA === 4 || rankA === 5) throw new UnsupportedError('ordering of arrays or embedded documents')
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0
  if (typeof a === 'string' && typeof b === 'string') return Buffer.compare(Buffer.from(a), Buffer.from(b))
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime()
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b)
  return 0
}

export function splitPath(path: string): string[] {
  const segments = path.split('.')
  if (segments.some((segment) => segment === '')) throw new UnsupportedError(`field path ${JSON.stringify(path)}`)
  return segments
}

/** The value at a dotted path without array expansion (for updates): numeric segments index arrays. */
export function valueAt(doc: Value, path: string): Value | undefined {
  let current: Value | undefined = doc
  for (const segment of splitPath(path)) {
    if (Array.isArray(current) && /^\d+$/.test(segment)) current = current[Number(segment)]
    else if (isFields(current)) current = current[segment]
    else return undefined
  }
  return current
}
