// The rating path's writes bind their values by position. better-sqlite3 binds a named parameter (@name)
// by looking the record up with an interned string made anew on every run, a cost on every write; and
// a record for such a statement is easily made as `{ ...record, more }`, an object V8 (Node 20) gives a
// hidden class of its own every time: under the benchmark's load that filled the old generation with
// some 5 MB of garbage a second, heap and RSS growing until a major GC. So `positionalRun` keeps the
// readable named SQL but binds by position, and the records it is handed are written out, not spread.
import type Database from 'better-sqlite3'

/** Runs `sql` with the values of a record's properties named by its parameters, in their order. */
export function positionalRun<T extends object>(db: Database.Database, sql: string): (record: T) => Database.RunResult {
  const names: string[] = []
  const statement = db.prepare<unknown[]>(
    sql.replace(/@(\w+)/g, (_, name: string) => {
      names.push(name)
      return '?'
    }),
  )
  return (record) => {
    const values = new Array<unknown>(names.length)
    for (let i = 0; i < names.length; i += 1) {
      const value = (record as Record<string, unknown>)[names[i] as string]
      if (value === undefined) throw new RangeError(`Missing named parameter "${names[i]}"`)
      values[i] = value
    }
    return statement.run(values)
  }
}
