// MongoDB query semantics for the operators the SDK sends (`_.eq`, `_.neq`, `_.gt/gte/lt/lte`, `_.in`,
// `_.nin`, `_.exists`, `_.and/_.or/_.nor/_.not`, and `$size`/`$all`), ordering (`orderBy`) and
// projections (`field()`). Anything else (regular expressions, geo, `$elemMatch`, ...) fails loudly.
//
// As in MongoDB: a dotted path reaches into embedded documents and through arrays (any element may
// match); a condition on an array field matches the whole array or any of its elements; `{ f: null }`
// matches a null or missing f; comparisons only match values of the operand's own type.
import { UnsupportedError, platformErrors } from './errors'
import { type Doc, type Fields, type Value, clone, compareValues, deepEqual, isFields, splitPath, typeRank, valueAt } from './values'

export function matches(doc: Doc, query: Fields): boolean {
  return Object.entries(query).every(([key, condition]) => {
    if (key === '$and' || key === '$or' || key === '$nor') {
      const parts = subqueries(key, condition)
      if (key === '$and') return parts.every((part) => matches(doc, part))
      const any = parts.some((part) => matches(doc, part))
      return key === '$or' ? any : !any
    }
    if (key.startsWith('$')) throw new UnsupportedError(`query operator ${key}`)
    return fieldMatches(reach(doc, splitPath(key)), condition)
  })
}

function subqueries(operator: string, condition: Value): Fields[] {
  if (!Array.isArray(condition) || condition.length === 0 || !condition.every(isFields)) {
    throw platformErrors.requestFailed(`${operator} must be a nonempty array of queries`)
  }
  return condition.filter(isFields)
}

/** Every value the path reaches, MongoDB-style; empty when the field is missing. */
function reach(value: Value | undefined, segments: string[]): Value[] {
  if (value === undefined) return []
  if (segments.length === 0) return Array.isArray(value) ? [value, ...value] : [value]
  const [head, ...rest] = segments
  if (Array.isArray(value)) {
    const byIndex = /^\d+$/.test(head) ? reach(value[Number(head)], rest) : []
    return [...byIndex, ...value.filter(isFields).flatMap((item) => reach(item, segments))]
  }
  return isFields(value) ? reach(value[head], rest) : []
}

function isOperatorObject(condition: Value): condition is Fields {
  if (!isFields(condition)) return false
  const keys = Object.keys(condition)
  const operators = keys.filter((key) => key.startsWith('$')).length
  if (operators > 0 && operators < keys.length) throw new UnsupportedError(`query condition mixing operators and fields: ${keys.join(', ')}`)
  return keys.length > 0 && operators === keys.length
}

/** The strings of an all-string `$in` list, as a set (made once per query: the list is the query's own). */
const stringSets = new WeakMap<Value[], Set<string> | null>()

/** `$in`: a value equals an item. An all-string list is looked up in a set, as the `_id` index would (same answer). */
function inList(values: Value[], items: Value[]): boolean {
  let strings = stringSets.get(items)
  if (strings === undefined) {
    strings = items.every((item) => typeof item === 'string') ? new Set(items as string[]) : null
    stringSets.set(items, strings)
  }
  if (strings !== null) return values.some((value) => typeof value === 'string' && strings.has(value))
  return items.some((item) => equals(values, item))
}

function fieldMatches(values: Value[], condition: Value): boolean {
  if (!isOperatorObject(condition)) return equals(values, condition)
  return Object.entries(condition).every(([operator, operand]) => operatorMatches(values, operator, operand))
}

function equals(values: Value[], operand: Value): boolean {
  if (operand === null) return values.length === 0 || values.some((value) => value === null)
  return values.some((value) => deepEqual(value, operand))
}

const COMPARISONS: Record<string, (order: number) => boolean> = {
  $gt: (order) => order > 0,
  $gte: (order) => order >= 0,
  $lt: (order) => order < 0,
  $lte: (order) => order <= 0,
}

function operatorMatches(values: Value[], operator: string, operand: Value): boolean {
  const comparison = COMPARISONS[operator]
  if (comparison !== undefined) {
    if (!(typeof operand === 'number' || typeof operand === 'string' || operand instanceof Date)) {
      throw new UnsupportedError(`${operator} with a ${operand === null ? 'null' : typeof operand} operand`)
    }
    return values.some((value) => typeRank(value) === typeRank(operand) && comparison(compareValues(value, operand)))
  }
  switch (operator) {
    case '$eq':
      return equals(values, operand)
    case '$ne':
      return !equals(values, operand)
    case '$in':
      return inList(values, listOperand(operator, operand))
    case '$nin':
      return !listOperand(operator, operand).some((item) => equals(values, item))
    case '$all':
      return listOperand(operator, operand).every((item) => equals(values, item))
    case '$exists':
      if (typeof operand !== 'boolean') throw new UnsupportedError(`$exists with a non-boolean operand`)
      return values.length > 0 === operand
    case '$size':
      if (typeof operand !== 'number') throw platformErrors.requestFailed('$size needs a number')
      return values.some((value) => Array.isArray(value) && value.length === operand)
    case '$not':
      if (!isOperatorObject(operand)) throw platformErrors.requestFailed('$not needs an operator expression')
      return !fieldMatches(values, operand)
    default:
      throw new UnsupportedError(`query operator ${operator}`)
  }
}

function listOperand(operator: string, operand: Value): Value[] {
  if (!Array.isArray(operand)) throw platformErrors.requestFailed(`${operator} needs an array`)
  return operand
}

export type Order = Array<{ path: string; direction: 1 | -1 }>

export function orderOf(spec: Fields): Order {
  return Object.entries(spec).map(([path, direction]) => {
    if (direction !== 1 && direction !== -1) throw new UnsupportedError(`order direction ${JSON.stringify(direction)} for ${path}`)
    splitPath(path)
    return { path, direction }
  })
}

/** A stable sort: documents equal on every key keep their natural (insertion) order. */
export function sortDocs(docs: Doc[], order: Order): Doc[] {
  return [...docs].sort((a, b) => {
    for (const { path, direction } of order) {
      const difference = compareValues(valueAt(a, path), valueAt(b, path))
      if (difference !== 0) return difference * direction
    }
    return 0
  })
}

/** `field({ a: true })`: inclusion or exclusion of (dotted) fields; `_id` stays unless excluded. */
export function project(doc: Doc, projection: Fields): Fields {
  const included: string[][] = []
  const excluded: string[][] = []
  let keepId = true
  for (const [path, flag] of Object.entries(projection)) {
    if (flag !== 0 && flag !== 1 && typeof flag !== 'boolean') throw new UnsupportedError(`projection ${path}: ${JSON.stringify(flag)}`)
    const include = flag === 1 || flag === true
    if (path === '_id') keepId = include
    else (include ? included : excluded).push(splitPath(path))
  }
  if (included.length > 0 && excluded.length > 0) {
    throw platformErrors.requestFailed(`Cannot do exclusion on field ${excluded[0].join('.')} in inclusion projection`)
  }
  if (included.length > 0) {
    const picked = pick(doc, included)
    return keepId ? { _id: doc._id, ...withoutId(picked) } : withoutId(picked)
  }
  const rest = omit(doc, excluded)
  return keepId ? rest : withoutId(rest)
}

function withoutId(fields: Fields): Fields {
  const { _id, ...rest } = fields
  return rest
}

function pick(value: Fields, paths: string[][]): Fields {
  const result: Fields = {}
  for (const [key, item] of Object.entries(value)) {
    const matching = paths.filter(([head]) => head === key)
    if (matching.length === 0) continue
    if (matching.some((path) => path.length === 1)) result[key] = clone(item)
    else if (Array.isArray(item)) throw new UnsupportedError('projection through an array')
    else if (isFields(item)) result[key] = pick(item, matching.map((path) => path.slice(1)))
  }
  return result
}

function omit(value: Fields, paths: string[][]): Fields {
  const result: Fields = {}
  for (const [key, item] of Object.entries(value)) {
    const matching = paths.filter(([head]) => head === key)
    if (matching.some((path) => path.length === 1)) continue
    if (matching.length > 0 && Array.isArray(item)) throw new UnsupportedError('projection through an array')
    result[key] = matching.length > 0 && isFields(item) ? omit(item, matching.map((path) => path.slice(1))) : clone(item)
  }
  return result
}
