// The bare ceiling for rating.submit: node:http doing one JSON parse and one SQLite insert per request,
// nothing else (no validation, no roles, no tallies). The bench runs it beside the local runtime, with
// the same load generator in the same run, so the ratio says what our work costs.
import Database from 'better-sqlite3'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'

const dataDir = process.env.DATA_DIR ?? '.'
const db = new Database(join(dataDir, 'ceiling.db'))
db.pragma('journal_mode = WAL')
db.pragma('synchronous = NORMAL')
db.exec('CREATE TABLE IF NOT EXISTS ratings (id INTEGER PRIMARY KEY, body TEXT NOT NULL)')
const insert = db.prepare<[string]>('INSERT INTO ratings (body) VALUES (?)')

const server = createServer((req, res) => {
  const chunks: Buffer[] = []
  req.on('data', (chunk: Buffer) => chunks.push(chunk))
  req.on('end', () => {
    const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'))
    insert.run(JSON.stringify(body))
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' })
    res.end('{"ok":true}')
  })
})
server.listen(0, '127.0.0.1', () => {
  console.log(`LISTENING http://127.0.0.1:${(server.address() as AddressInfo).port}`)
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))
