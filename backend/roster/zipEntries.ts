// The entries of an .xlsx (a zip) read without trusting it: the central directory gives each entry's
// declared sizes, an entry declaring more than ENTRY_BYTES_MAX is refused before anything is inflated
// (a zip bomb), and an entry is inflated as a stream whose output may not pass what it declared. Only
// the parts the roster needs are ever inflated, chunk by chunk, so the process keeps serving others.
import { createInflateRaw } from 'node:zlib'
import { StringDecoder } from 'node:string_decoder'
import { ApiError } from '@core/errors'

/** A 10,000-row roster's sheet is about 4 MB of XML; eight times that is no roster. */
export const ENTRY_BYTES_MAX = 32 * 1024 * 1024
/** An .xlsx has a few dozen parts; a template-made roster about ten. */
const ENTRIES_MAX = 2000

const NOT_XLSX = '这个文件不是 .xlsx 表格，请用下载的模板填写后另存为 .xlsx 再上传'
const TOO_LARGE = `这个表格解压后过大（某一部分超过 ${ENTRY_BYTES_MAX / 1024 / 1024} MB），不是花名册，请用下载的模板填写后再导入`

export interface ZipEntry {
  /** The path inside the zip, without a leading slash, with forward slashes. */
  name: string
  method: number
  compressedSize: number
  uncompressedSize: number
  localHeaderOffset: number
}

/** The central directory's entries; INVALID_INPUT when the bytes are not a zip we read or declare too much. */
export function zipEntries(bytes: Buffer): ZipEntry[] {
  const end = endOfCentralDirectory(bytes)
  const count = bytes.readUInt16LE(end + 10)
  const offset = bytes.readUInt32LE(end + 16)
  // 0xFFFF / 0xFFFFFFFF mean zip64: no roster needs it.
  if (count === 0xffff || offset === 0xffffffff || count > ENTRIES_MAX) throw new ApiError('INVALID_INPUT', NOT_XLSX)
  const entries: ZipEntry[] = []
  let at = offset
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) throw new ApiError('INVALID_INPUT', NOT_XLSX)
    const flags = bytes.readUInt16LE(at + 8)
    const nameLength = bytes.readUInt16LE(at + 28)
    const entry: ZipEntry = {
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength).replace(/\\/g, '/').replace(/^\/+/, ''),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      uncompressedSize: bytes.readUInt32LE(at + 24),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
    }
    // Bit 0: encrypted, which Excel never does to a workbook's parts.
    if ((flags & 1) !== 0) throw new ApiError('INVALID_INPUT', NOT_XLSX)
    if (entry.uncompressedSize > ENTRY_BYTES_MAX) throw new ApiError('INVALID_INPUT', TOO_LARGE)
    entries.push(entry)
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32)
  }
  return entries
}

/** The entry named `name` (as Excel's parts are matched: case aside), or undefined. */
export function findEntry(entries: readonly ZipEntry[], name: string): ZipEntry | undefined {
  const wanted = name.replace(/^\/+/, '').toLowerCase()
  return entries.find((entry) => entry.name.toLowerCase() === wanted)
}

/**
 * Streams the entry's text to `onText`, chunk by chunk, each chunk in its own turn of the event loop.
 * `onText` answers 'stop' when it needs no more; an error it throws (a refusal) ends the reading with it.
 */
export async function readEntryText(bytes: Buffer, entry: ZipEntry, onText: (text: string) => void | 'stop'): Promise<void> {
  const data = entryData(bytes, entry)
  const decoder = new StringDecoder('utf8')
  if (entry.method === 0) {
    // Stored, not compressed: what it holds is what it declared.
    if (data.length !== entry.uncompressedSize) throw new ApiError('INVALID_INPUT', NOT_XLSX)
    onText(decoder.write(data) + decoder.end())
    return
  }
  if (entry.method !== 8) throw new ApiError('INVALID_INPUT', NOT_XLSX)
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw()
    let produced = 0
    let settled = false
    const finish = (error?: unknown) => {
      if (settled) return
      settled = true
      inflate.destroy()
      if (error === undefined) resolve()
      else reject(error)
    }
    inflate.on('data', (chunk: Buffer) => {
      if (settled) return
      produced += chunk.length
      // More than it declared: a lying header, the classic bomb; the cap on declarations holds anyway.
      if (produced > entry.uncompressedSize) return finish(new ApiError('INVALID_INPUT', TOO_LARGE))
      try {
        if (onText(decoder.write(chunk)) === 'stop') finish()
      } catch (error) {
        finish(error)
      }
    })
    inflate.on('end', () => {
      if (settled) return
      try {
        const rest = decoder.end()
        if (rest !== '') onText(rest)
        finish()
      } catch (error) {
        finish(error)
      }
    })
    inflate.on('error', () => finish(new ApiError('INVALID_INPUT', NOT_XLSX)))
    inflate.end(data)
  })
}

function entryData(bytes: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50) throw new ApiError('INVALID_INPUT', NOT_XLSX)
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28)
  if (start + entry.compressedSize > bytes.length) throw new ApiError('INVALID_INPUT', NOT_XLSX)
  return bytes.subarray(start, start + entry.compressedSize)
}

/** The end-of-central-directory record: the last 22 bytes, or up to 64 KB earlier when there is a comment. */
function endOfCentralDirectory(bytes: Buffer): number {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1) {
    if (bytes.readUInt32LE(at) === 0x06054b50) return at
  }
  throw new ApiError('INVALID_INPUT', NOT_XLSX)
}
