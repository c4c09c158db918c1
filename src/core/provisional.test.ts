import { gradeWords, isProvisional, isSmallSample } from './provisional'

const china = (iso: string) => new Date(`${iso}+08:00`)

it('calls a period provisional until its last month has ended, China time', () => {
  expect(isProvisional('2026-12', china('2026-12-31T23:59:00'))).toBe(true)
  expect(isProvisional('2026-12', china('2027-01-01T00:00:00'))).toBe(false)
  expect(isProvisional('2026-H2', china('2026-12-06T10:00:00'))).toBe(true)
  expect(isProvisional('2026-11', china('2026-12-06T10:00:00'))).toBe(false)
})

it('marks a party of 1 to 4 ratings as a small sample, not one of 5 or of none', () => {
  expect([null, { n: 0 }, { n: 1 }, { n: 4 }, { n: 5 }, { n: 30 }].map(isSmallSample)).toEqual([false, false, true, true, false, false])
})

it('writes a provisional grade with 暂定, and 未评定 without', () => {
  expect(gradeWords('不称职', true)).toBe('不称职（暂定）')
  expect(gradeWords('不称职', false)).toBe('不称职')
  expect(gradeWords('未评定', true)).toBe('未评定')
})
