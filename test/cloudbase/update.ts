// MongoDB update operators as the SDK's UpdateSerializer sends them: `update({ data })` arrives as
// `{ $set: { 'a.b': 1 }, $inc: { n: 1 }, $unset: { x: '' }, $push: { list: { $each: [...] } } }`,
// nested plain objects already flattened to dotted paths, `_.set(obj)` as a whole-value `$set`.
// Emulated: $set, $unset, $inc, $mul, $min, $max, $push ($each, $position), $pop. Others fail loudly.
// MongoDB's errors are kept: two paths that overlap ('a' and 'a.b'), a path through a scalar, `$inc`
// of a non-number, `$push` to a non-array, and any change of `_id` all fail the whole update.
import { UnsupportedError, platformErrors } from './errors'
import { type Doc, type Fields, type Value, clone, compareValues, deepEqual, isFields, splitPath, typeRank, valueAt } from './values'

type Apply = (doc: Fields, path: string, operand: Value) => void

const OPERATORS: Record<string, Apply> = {
  $set: (doc, path, operand) => setPath(doc, path, clone(operand)),
  $unset: (doc, path) => unsetPath(doc, path),
  $inc: (doc, path, operand) => arithmetic(doc, path, operand, '$inc', (current, amount) => current + amount),
  $mul: (doc, path, operand) => arithmetic(doc, path, operand, '$mul', (current, factor) => current * factor),
  $min: (doc, path, operand) => extremum(doc, path, operand, (order) => order < 0),
  $max: (doc, path, operand) => extremum(doc, path, operand, (order) => order > 0),
  $push: (doc, path, operand) => push(doc, path, operand),
  $pop: (doc, path, operand) => pop(doc, path, operand),
}

/** The document after the update; the input is left as it was. */
export function applyUpdate(doc: Doc, update: Fields): Doc {
  const paths: string[] = []
  for (const [operator, fields] of Object.entries(update)) {
    if (!operator.startsWith('$')) throw new UnsupportedError(`update without operators (field ${operator})`)
    if (OPERATORS[operator] === undefined) throw new UnsupportedError(`update operator ${operator}`)
    if (!isFields(fields)) throw platformErrors.requestFailed(`Modifiers operate on fields but we found another type instead (${operator})`)
    paths.push(...Object.keys(fields))
  }
  checkPaths(paths)
  const next = clone(doc)
  for (const [operator, fields] of Object.entries(update)) {
    for (const [path, operand] of Object.entries(fields as Fields)) OPERATORS[operator](next, path, operand)
  }
  return next
}

function checkPaths(paths: string[]): void {
  for (const path of paths) {
    splitPath(path)
    if (path === '_id' || path.startsWith('_id.')) {
      throw platformErrors.requestFailed(`Performing an update on the path '_id' would modify the immutable field '_id'`)
    }
  }
  for (const [i, a] of paths.entries()) {
    for (const b of paths.slice(i + 1)) {
      if (a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`)) {
        throw platformErrors.requestFailed(`Updating the path '${a}' would create a conflict at '${a.length < b.length ? a : b}'`)
      }
    }
  }
}

/** The container holding the path's last segment, created on the way as MongoDB does. */
function parentOf(doc: Fields, path: string, create: boolean): { container: Fields | Value[]; key: string } | null {
  const segments = splitPath(path)
  let current: Fields | Value[] = doc
  for (const segment of segments.slice(0, -1)) {
    let next: Value | undefined = Array.isArray(current) ? indexIn(current, segment, path)[0] : current[segment]
    if (next === undefined || next === null) {
      if (!create) return null
      if (next === null) throw cannotCreate(path, segment)
      next = {}
      if (Array.isArray(current)) current[indexIn(current, segment, path)[1]] = next
      else current[segment] = next
    }
    if (!isFields(next) && !Array.isArray(next)) throw cannotCreate(path, segment)
    current = next
  }
  return { container: current, key: segments[segments.length - 1] }
}

function indexIn(list: Value[], segment: string, path: string): [Value | undefined, number] {
  if (!/^\d+$/.test(segment)) throw platformErrors.requestFailed(`Cannot create field '${segment}' in an array (path '${path}')`)
  return [list[Number(segment)], Number(segment)]
}

function cannotCreate(path: string, segment: string): Error {
  return platformErrors.requestFailed(`Cannot create field '${segment}' in a non-object element (path '${path}')`)
}

function setPath(doc: Fields, path: string, value: Value): void {
  const parent = parentOf(doc, path, true)
  if (parent === null) return
  const { container, key } = parent
  if (!Array.isArray(container)) {
    container[key] = value
    return
  }
  const index = indexIn(container, key, path)[1]
  while (container.length < index) container.push(null)
  container[index] = value
}

function unsetPath(doc: Fields, path: string): void {
  const parent = parentOf(doc, path, false)
  if (parent === null) return
  const { container, key } = parent
  if (Array.isArray(container)) {
    // MongoDB's $unset of an array element leaves a null in its place.
    if (/^\d+$/.test(key) && Number(key) < container.length) container[Number(key)] = null
  } else {
    delete container[key]
  }
}

function arithmetic(
  doc: Fields,
  path: string,
  operand: Value,
  operator: string,
  combine: (current: number, operand: number) => number,
): void {
  if (typeof operand !== 'number') {
    throw platformErrors.requestFailed(`Cannot ${operator} with non-numeric argument: {${path}: ${JSON.stringify(operand)}}`)
  }
  const current = valueAt(doc, path)
  if (current !== undefined && typeof current !== 'number') {
    throw platformErrors.requestFailed(`Cannot apply ${operator} to a value of non-numeric type (path '${path}')`)
  }
  // A missing field counts as 0: $inc sets the operand, $mul sets 0.
  setPath(doc, path, combine(current ?? 0, operand))
}

function extremum(doc: Fields, path: string, operand: Value, replaces: (order: number) => boolean): void {
  const current = valueAt(doc, path)
  if (current === undefined || replaces(compareValues(operand, current))) setPath(doc, path, clone(operand))
}

function push(doc: Fields, path: string, operand: Value): void {
  const current = valueAt(doc, path)
  if (current !== undefined && !Array.isArray(current)) {
    throw platformErrors.requestFailed(`The field '${path}' must be an array but is of type ${typeName(current)}`)
  }
  let items: Value[] = [operand]
  let position: number | undefined
  if (isFields(operand) && Object.keys(operand).some((key) => key.startsWith('$'))) {
    for (const key of Object.keys(operand)) {
      if (key !== '$each' && key !== '$position') throw new UnsupportedError(`$push modifier ${key}`)
    }
    const each = operand.$each
    if (!Array.isArray(each)) throw platformErrors.requestFailed(`The argument to $each in $push must be an array`)
    items = each
    const at = operand.$position
    if (at !== undefined && (typeof at !== 'number' || !Number.isInteger(at) || at < 0)) {
      throw new UnsupportedError(`$position ${JSON.stringify(at)}`)
    }
    position = at
  }
  const next = [...(current ?? [])]
  next.splice(position ?? next.length, 0, ...items.map((item) => clone(item)))
  setPath(doc, path, next)
}

function pop(doc: Fields, path: string, operand: Value): void {
  if (operand !== 1 && operand !== -1) throw platformErrors.requestFailed(`$pop expects 1 or -1, found: ${JSON.stringify(operand)}`)
  const current = valueAt(doc, path)
  if (current === undefined) return
  if (!Array.isArray(current)) throw platformErrors.requestFailed(`Path '${path}' contains an element of non-array type '${typeName(current)}'`)
  setPath(doc, path, operand === 1 ? current.slice(0, -1) : current.slice(1))
}

/** MongoDB's name of a value's BSON type, for its error messages. */
function typeName(value: Value): string {
  const names: Record<number, string> = { 1: 'null', 2: 'double', 3: 'string', 4: 'object', 5: 'array', 8: 'bool', 9: 'date' }
  return names[typeRank(value)] ?? typeof value
}

/** MongoDB's nModified: an update that leaves the document as it was modifies nothing. */
export function changed(before: Doc, after: Doc): boolean {
  return !deepEqual(before, after)
}
