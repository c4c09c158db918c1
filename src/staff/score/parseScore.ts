/** The sub-district's score: 0 to 100, at most one decimal (the server checks it again). */
export function parseScore(text: string): { ok: true; score: number } | { ok: false; message: string } {
  const trimmed = text.trim()
  if (trimmed === '') return { ok: false, message: '请先填写分数' }
  if (!/^\d{1,3}(\.\d)?$/.test(trimmed)) return { ok: false, message: '分数只能是数字，最多一位小数，例如 88 或 92.5' }
  const score = Number(trimmed)
  if (score > 100) return { ok: false, message: '分数不能高于 100' }
  return { ok: true, score }
}
