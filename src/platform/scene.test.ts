import { scanTargetOf } from './scene'

describe('scanTargetOf', () => {
  it("reads the scene of a worker's mini-program code, URI-decoded", () => {
    expect(scanTargetOf('pages/rate/index?scene=YQ01', '')).toEqual({ kind: 'worker', scene: 'YQ01' })
    expect(scanTargetOf('pages/rate/index?scene=W%23001&x=1', undefined)).toEqual({ kind: 'worker', scene: 'W#001' })
  })

  it("tells a visit's feedback code and an invite from a worker's code by the page they open", () => {
    expect(scanTargetOf('pages/feedback/index?scene=Vab12CD34ef56GH7', undefined)).toEqual({ kind: 'visit', scene: 'Vab12CD34ef56GH7' })
    expect(scanTargetOf('/worker/invite/index?x=1&scene=Iabcdefghjkmnpq', undefined)).toEqual({ kind: 'invite', scene: 'Iabcdefghjkmnpq' })
  })

  it("tells the service hall's code at the counter by its page", () => {
    expect(scanTargetOf('pages/hall/index?scene=hall-yinquan', undefined)).toEqual({ kind: 'hall', scene: 'hall-yinquan' })
  })

  it('falls back to the text of a plain QR code, as a worker code', () => {
    expect(scanTargetOf(undefined, 'QL12')).toEqual({ kind: 'worker', scene: 'QL12' })
  })

  it('refuses what cannot be one of our codes', () => {
    expect(scanTargetOf(undefined, 'https://example.com/some/very/long/address/that/is/not/a/code')).toBeNull()
    expect(scanTargetOf(undefined, '张三')).toBeNull()
    expect(scanTargetOf('pages/rate/index?scene=%E0%A4%A', undefined)).toBeNull()
    expect(scanTargetOf('pages/other/index?scene=YQ01', undefined)).toBeNull()
    expect(scanTargetOf(undefined, undefined)).toBeNull()
  })
})
