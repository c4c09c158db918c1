// A streaming scanner for the XML of an .xlsx's parts: text arrives in chunks (zipEntries.ts), tags and
// text go to handlers as soon as they are whole. Enough XML for SpreadsheetML — elements, attributes,
// the five named entities and character references, comments, CDATA, processing instructions — and no
// more: a DOCTYPE's own entities are never expanded, so none can multiply.
import { ApiError } from '@core/errors'

export interface XmlHandlers {
  /** An element opens (`selfClosing`: it closes at once too). Names without their namespace prefix. */
  open(name: string, attributes: Readonly<Record<string, string>>, selfClosing: boolean): void
  close(name: string): void
  /** Text between tags, entities decoded (one text node may arrive in pieces). */
  text(text: string): void
}

/** No single tag or text run in a roster comes near this (a cell holds at most 32,767 characters). */
const PENDING_MAX = 1024 * 1024

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }
/** A tag's end, quotes respected (`>` may stand in an attribute); sticky, so it scans from lastIndex only. */
const TAG_END = /(?:[^>"']|"[^"]*"|'[^']*')*>/y
const ATTRIBUTE = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g

export class XmlScanner {
  private pending = ''

  constructor(private readonly on: XmlHandlers) {}

  write(chunk: string): void {
    const text = this.pending + chunk
    let at = 0
    for (;;) {
      const lt = text.indexOf('<', at)
      if (lt < 0) break
      if (lt > at) this.on.text(decodeEntities(text.slice(at, lt)))
      at = lt
      const next = this.markup(text, lt)
      if (next < 0) break
      at = next
    }
    this.pending = text.slice(at)
    if (this.pending.length > PENDING_MAX) throw new ApiError('INVALID_INPUT', '表格里有一个单元格的内容过长，请检查后再导入')
  }

  /** Handles the markup at `lt`; answers where it ends, or -1 when it is not all here yet. */
  private markup(text: string, lt: number): number {
    const skipTo = (close: string, from: number) => {
      const end = text.indexOf(close, from)
      return end < 0 ? -1 : end + close.length
    }
    if (text.startsWith('<!--', lt)) return skipTo('-->', lt + 4)
    if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9)
      if (end < 0) return -1
      this.on.text(text.slice(lt + 9, end))
      return end + 3
    }
    if (text.startsWith('<?', lt)) return skipTo('?>', lt + 2)
    // A DOCTYPE (or the start of a comment or CDATA not all here yet): skipped whole, never expanded.
    if (text.startsWith('<!', lt)) return text.length - lt < 9 ? -1 : skipTo('>', lt + 2)
    TAG_END.lastIndex = lt + 1
    if (TAG_END.exec(text) === null) return -1
    const end = TAG_END.lastIndex
    this.tag(text.slice(lt + 1, end - 1))
    return end
  }

  private tag(inside: string): void {
    if (inside.startsWith('/')) return this.on.close(localName(inside.slice(1).trim()))
    const selfClosing = inside.endsWith('/')
    const body = selfClosing ? inside.slice(0, -1) : inside
    const nameEnd = body.search(/[\s/]|$/)
    const attributes: Record<string, string> = {}
    for (const [, name, double, single] of body.slice(nameEnd).matchAll(ATTRIBUTE)) {
      if (name !== undefined) attributes[name] = decodeEntities(double ?? single ?? '')
    }
    this.on.open(localName(body.slice(0, nameEnd)), attributes, selfClosing)
    if (selfClosing) this.on.close(localName(body.slice(0, nameEnd)))
  }
}

/** `x:row` and `row` are the same element to a reader (some writers prefix the main namespace). */
export function localName(name: string): string {
  const colon = name.indexOf(':')
  return colon < 0 ? name : name.slice(colon + 1)
}

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return ENTITIES[name] ?? whole
  })
}
