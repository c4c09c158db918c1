import { hallSpreadOf } from './hallSpread'

const row = (communityId: string, community: string, hallDays: number | null | undefined) => ({ communityId, community, hallDays })

describe('hallSpreadOf', () => {
  it('gives each community with hall duty its most and fewest days per worker; a community without any is left out', () => {
    const rows = [
      row('yinquan', '银泉社区', 27), row('yinquan', '银泉社区', 26), row('yinquan', '银泉社区', 27),
      row('qinglong', '青龙社区', 0), row('qinglong', '青龙社区', null),
    ]
    expect(hallSpreadOf(rows)).toEqual([{ communityId: 'yinquan', communityName: '银泉社区', workers: 3, most: 27, fewest: 26 }])
  })

  it('counts a worker never on duty as 0, and an evaluation taken before hall days were kept as none', () => {
    expect(hallSpreadOf([row('c', '社区', 5), row('c', '社区', undefined), row('c', '社区', 0)])).toEqual([{ communityId: 'c', communityName: '社区', workers: 3, most: 5, fewest: 0 }])
    expect(hallSpreadOf([row('c', '社区', undefined)])).toEqual([])
  })
})
