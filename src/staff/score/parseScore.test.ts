import { parseScore } from './parseScore'

describe('parseScore', () => {
  it('accepts 0 to 100 with at most one decimal', () => {
    expect(parseScore('0')).toEqual({ ok: true, score: 0 })
    expect(parseScore(' 92.5 ')).toEqual({ ok: true, score: 92.5 })
    expect(parseScore('100')).toEqual({ ok: true, score: 100 })
  })

  it('says what is wrong otherwise', () => {
    expect(parseScore('')).toEqual({ ok: false, message: '请先填写分数' })
    expect(parseScore('100.1')).toEqual({ ok: false, message: '分数不能高于 100' })
    expect(parseScore('88.25').ok).toBe(false)
    expect(parseScore('-1').ok).toBe(false)
    expect(parseScore('八十').ok).toBe(false)
  })
})
