import { LEVEL_LABELS, LEVELS_HIGH_TO_LOW, isBadReview, isLevel } from './levels'

describe('levels', () => {
  it('labels every level in words, 非常不满意 to 非常满意', () => {
    expect(LEVEL_LABELS).toEqual({ 1: '非常不满意', 2: '不满意', 3: '基本满意', 4: '满意', 5: '非常满意' })
  })

  it('lists the choices best first', () => {
    expect(LEVELS_HIGH_TO_LOW).toEqual([5, 4, 3, 2, 1])
  })

  it('counts levels 1 and 2 as bad reviews (差评), 3 to 5 not', () => {
    expect([1, 2, 3, 4, 5].map((l) => isBadReview(l as 1))).toEqual([true, true, false, false, false])
  })

  it('accepts only the integers 1..5 as a level', () => {
    expect([1, 5].every(isLevel)).toBe(true)
    expect([0, 6, 2.5, '5', null].some(isLevel)).toBe(false)
  })
})
