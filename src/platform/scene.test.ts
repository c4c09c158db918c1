import { workerCodeFromScan } from './scene'

describe('workerCodeFromScan', () => {
  it('reads the scene of a mini-program code, URI-decoded', () => {
    expect(workerCodeFromScan('pages/rate/index?scene=YQ01', '')).toBe('YQ01')
    expect(workerCodeFromScan('pages/rate/index?scene=W%23001&x=1', undefined)).toBe('W#001')
  })

  it('falls back to the text of a plain QR code', () => {
    expect(workerCodeFromScan(undefined, 'QL12')).toBe('QL12')
  })

  it('refuses what cannot be a worker code', () => {
    expect(workerCodeFromScan(undefined, 'https://example.com/some/very/long/address/that/is/not/a/code')).toBeNull()
    expect(workerCodeFromScan(undefined, '张三')).toBeNull()
    expect(workerCodeFromScan('pages/rate/index?scene=%E0%A4%A', undefined)).toBeNull()
    expect(workerCodeFromScan(undefined, undefined)).toBeNull()
  })
})
