// Free text and names carry no invisible characters (trust rule 7): zero-width characters and bidi
// controls let `青龙社区` and `青龙社区` + U+200B pass as two names, hide text from a reviewer, or turn a
// line around on screen. Every free text and name the contract accepts is cleaned by `cleaned` (a valibot
// pipe step in place of v.trim()), so what is empty after cleaning meets the field's own "请填写…" check.
// Organisation names are compared by orgNameKey: NFKC (full-width letters and digits as ASCII) of the
// cleaned name, so a name cannot be registered twice in two spellings that read the same.
import * as v from 'valibot'

/**
 * Zero-width space, non-joiner, joiner (U+200B-U+200D), word joiner (U+2060), BOM (U+FEFF), the bidi
 * embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) and marks (U+200E, U+200F, U+061C).
 */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g

/** The text without invisible characters, trimmed. */
export function cleanText(text: string): string {
  return text.replace(INVISIBLE, '').trim()
}

/** The valibot step every free-text and name field uses instead of v.trim(). */
export const cleaned = v.transform((text: string) => cleanText(text))

/** What two organisation names are compared by (sub-districts, communities, grids, in saves and rosters). */
export function orgNameKey(name: string): string {
  return cleanText(name.normalize('NFKC'))
}

export function sameOrgName(a: string, b: string): boolean {
  return orgNameKey(a) === orgNameKey(b)
}
