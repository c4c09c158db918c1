// The one check of free text (trust rule 6), for the door and for the roster import. Cloud cost: one
// msgSecCheck call per field however many lines it has (an array's texts, a roster's names, go in one
// text), none for an empty one; only a text that did not pass is split to find which line it was.
import { ApiError } from '@core/errors'
import type { ActionName } from '@core/contract'
import type { Moderation, ModerationScene } from '../context'
import { MODERATED_TEXT } from './textFields'

/** msgSecCheck v2 takes at most 2500 characters a call (WeChat's 文本内容安全识别). */
export const CHECK_CHARS_MAX = 2500

/** Why a text is refused: the same words wherever it is, naming the field. */
export const unfitMessage = (label: string): string => `${label}含有不宜发布的内容，请修改后再提交`

/**
 * The indices of `texts` that msgSecCheck does not pass (review or risky), in order. The texts go in
 * lines of as few calls as 2500 characters allow; a call that does not pass is halved until the lines it
 * holds are found. Lines that pass alone are not refused for what their neighbours did together.
 * Throws when the checker fails: the caller fails closed.
 */
export async function unfitTexts(moderation: Moderation, texts: readonly string[], openid: string, scene: ModerationScene): Promise<number[]> {
  const unfitIn = async (indices: number[]): Promise<number[]> => {
    const verdict = await moderation.check(indices.map((i) => texts[i]).join('\n'), openid, scene)
    if (verdict === 'pass') return []
    if (indices.length === 1) return indices
    const half = Math.ceil(indices.length / 2)
    return [...(await unfitIn(indices.slice(0, half))), ...(await unfitIn(indices.slice(half)))]
  }
  const unfit: number[] = []
  for (const chunk of chunksOf(texts)) unfit.push(...(await unfitIn(chunk)))
  return unfit
}

/** The indices of the non-empty texts, in runs whose joined text fits one call. */
function chunksOf(texts: readonly string[]): number[][] {
  const chunks: number[][] = []
  let chunk: number[] = []
  let chars = 0
  texts.forEach((text, i) => {
    if (text === '') return
    if (chunk.length > 0 && chars + 1 + text.length > CHECK_CHARS_MAX) {
      chunks.push(chunk)
      chunk = []
      chars = 0
    }
    chars += (chunk.length > 0 ? 1 : 0) + text.length
    chunk.push(i)
  })
  if (chunk.length > 0) chunks.push(chunk)
  return chunks
}

/** The strings at a dot path, walking through arrays on the way; anything not a string is left out (the handler validates it). */
export function textsAt(payload: unknown, path: string): string[] {
  let values: unknown[] = [payload]
  for (const key of path.split('.')) {
    values = values.flatMap((value) => (Array.isArray(value) ? value : [value])).flatMap((value) => (isRecord(value) && key in value ? [value[key]] : []))
  }
  return values.flatMap((value) => (Array.isArray(value) ? value : [value])).filter((value): value is string => typeof value === 'string')
}

/**
 * The door's check, before the handler: every `refuse` field of the action's payload that does not pass
 * is refused with a message naming it (and, in a list, which line), and nothing is stored. A checker that
 * fails refuses too (fail closed): the text would otherwise be shown unchecked.
 */
export async function refuseUnfitTexts(action: ActionName, payload: unknown, openid: string | null, moderation: Moderation): Promise<void> {
  const fields = (MODERATED_TEXT[action] ?? []).filter((field) => field.on === 'refuse')
  const checks = fields.map(async (field) => {
    const texts = textsAt(payload, field.path)
    if (texts.every((text) => text === '')) return null
    // No action with free text is open to anonymous callers (the door has refused them already).
    if (openid === null) throw new ApiError('UNAUTHENTICATED', '请先登录再提交')
    try {
      const unfit = await unfitTexts(moderation, texts, openid, field.scene)
      if (unfit.length === 0) return null
      const line = texts.length > 1 ? `第 ${unfit[0] + 1} 条` : ''
      return new ApiError('INVALID_INPUT', unfitMessage(`${line}${field.label}`), field.field ?? field.path)
    } catch (err) {
      if (err instanceof ApiError) throw err
      console.warn('[api] content moderation failed; refusing the text', err)
      return new ApiError('INTERNAL', `暂时无法检查${field.label}，请稍后再提交`, field.field ?? field.path)
    }
  })
  // The fields are checked at once; the first refusal in the table's order is the one reported.
  for (const refusal of await Promise.all(checks)) if (refusal !== null) throw refusal
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
