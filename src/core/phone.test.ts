// The call-back phone: why 留下电话 is not open yet, and the number as the confirmation repeats it.
import { MOBILE_PATTERN, mobileProblem, spacedMobile } from './phone'

describe('why a typed mobile number cannot be left yet', () => {
  it('10 digits: one still missing; 9 digits: two', () => {
    expect(mobileProblem('1380013800')).toBe('手机号是 11 位数字，还差 1 位')
    expect(mobileProblem('138001380')).toBe('手机号是 11 位数字，还差 2 位')
  })

  it('12 digits: one too many', () => {
    expect(mobileProblem('138001380001')).toBe('手机号是 11 位数字，多了 1 位')
  })

  it('nothing typed, a letter, a first digit other than 1', () => {
    expect(mobileProblem('')).toBe('填好 11 位手机号后，才能留下电话')
    expect(mobileProblem('138o0138000')).toBe('手机号只能填数字')
    expect(mobileProblem('23800138000')).toBe('手机号以 1 开头，请检查第一位')
  })

  it('11 digits starting with 1 can be left, as the server accepts them', () => {
    expect(mobileProblem('13800138000')).toBeNull()
    expect(mobileProblem(' 13800138000 ')).toBeNull()
    expect(MOBILE_PATTERN.test('13800138000')).toBe(true)
  })
})

it('repeats 13800138000 as 138 0013 8000', () => {
  expect(spacedMobile('13800138000')).toBe('138 0013 8000')
})
