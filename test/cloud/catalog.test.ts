// The four posts and "my grid worker" on the BUILT function over the real wx-server-sdk and the CloudBase
// emulator (100 rows per get()): post.save written by the bureau alone, and every worker's card shows
// it; grid.directory reads the city's communities in pages of 100 and one community's grids and workers
// by communityId — never all workers of the city — in a fixed, small number of database requests.
import { demoOrg } from '@backend/demo/seedOrg'
import type { OrgSeed } from '@backend/store'
import type { GridDirectory, Post } from '@core/catalog'
import type { Envelope } from '@core/errors'
import type { WorkerCard } from '@core/types'
import type { CloudbaseEmulator } from '../cloudbase/emulator'
import { type CloudFunctionInstance, loadCloudFunction } from '../cloudbase/realSdk'
import { dataOf } from '../support/apiHarness'
import { setUpCloud } from '../support/cloudEnv'

const BUREAU = 'dev-bureau' // 市民政局 陈处长, a bound bureau record of the demo
const RESIDENT = 'o-resident'

/** The demo (浮山办事处 with 2 communities, 温泉办事处 with 淦河社区) and 102 more in 温泉: 105 in the city. */
function cityOrg(): OrgSeed {
  const org = demoOrg()
  for (let i = 1; i <= 102; i += 1) org.communities.push({ id: `wq-${String(i).padStart(3, '0')}`, name: `温泉第${i}社区`, subdistrictId: 'wenquan' })
  return org
}

let emulator: CloudbaseEmulator
let api: CloudFunctionInstance
beforeEach(async () => {
  ;({ emulator } = await setUpCloud(cityOrg()))
  api = loadCloudFunction(emulator, { instanceId: 'api-1' })
})
afterEach(() => emulator.dispose())

const call = async (action: string, payload: unknown, openid: string | null = RESIDENT) =>
  (await api.invoke({ action, payload }, openid === null ? {} : { openid })) as Envelope<unknown>
/** The database requests since the last reset, as `api collection`. */
const requests = () => emulator.requests.map((r) => `${r.api} ${r.collection ?? ''}`.trim())

describe('grid.directory', () => {
  it('lists all 105 communities of the city in two reads of 100, plus the sub-districts, and reads no worker', async () => {
    emulator.resetRequests()
    const { communities, grids } = dataOf<GridDirectory>(await call('grid.directory', {}, null))
    expect(communities).toHaveLength(105)
    // 浮山 (fu) before 温泉 (wen); within 浮山, 青龙 (qing) before 银泉 (yin); within 温泉, 淦河 (gan) before 温泉第1 (wen)
    expect(communities.slice(0, 4)).toEqual([
      { communityId: 'qinglong', name: '青龙社区', subdistrict: '浮山办事处' },
      { communityId: 'yinquan', name: '银泉社区', subdistrict: '浮山办事处' },
      { communityId: 'ganhe', name: '淦河社区', subdistrict: '温泉办事处' },
      { communityId: 'wq-001', name: '温泉第1社区', subdistrict: '温泉办事处' },
    ])
    expect(grids).toEqual([])
    expect(requests().sort()).toEqual(['database.getDocument communities', 'database.getDocument communities', 'database.getDocument subdistricts'])
  })

  it("gives 银泉社区's 6 grids and 18 workers in 6 requests: who asks, the community, its sub-district, grids, workers, posts", async () => {
    emulator.resetRequests()
    const { grids } = dataOf<GridDirectory>(await call('grid.directory', { communityId: 'yinquan' }))
    expect(grids.map((g) => g.households)).toEqual([384, 412, 327, 356, 468, 491])
    expect(grids.flatMap((g) => g.workers)).toHaveLength(18)
    expect(grids[4].workers.map((w) => `${w.name} ${w.post} ${w.households}`)).toEqual(['刘建华 正职 468', '孙桂兰 专职社区工作者 468', '胡晓明 专职社区工作者 468'])
    expect(requests().sort()).toEqual([
      'database.getDocument communities',
      'database.getDocument grids',
      'database.getDocument posts',
      'database.getDocument principals',
      'database.getDocument subdistricts',
      'database.getDocument workers',
    ])
  })
})

describe('post.save', () => {
  it("saves the bureau's new duty of 专职社区工作者 in place, and every 专职社区工作者's card shows it", async () => {
    const zhuanzhi = dataOf<Post[]>(await call('post.list', {})).find((p) => p.name === '专职社区工作者')
    expect(zhuanzhi?.duties).toHaveLength(5)
    const duties = [...(zhuanzhi?.duties ?? []), '每月向居民公开一次走访情况']
    expect(await call('post.save', { post: { postId: 'zhuanzhi', name: '专职社区工作者', duties } }, BUREAU)).toEqual({ ok: true, data: { postId: 'zhuanzhi' } })
    expect(emulator.documents('posts').find((doc) => doc._id === 'zhuanzhi')).toEqual({ _id: 'zhuanzhi', id: 'zhuanzhi', name: '专职社区工作者', duties })
    for (const workerCode of ['YQ07', 'QL05']) {
      expect(dataOf<WorkerCard>(await call('worker.card', { workerCode })).duties).toEqual(duties)
    }
  })

  it('gives a new post its own document; a second post of that name is refused with 409 and adds none', async () => {
    const created = dataOf<{ postId: string }>(await call('post.save', { post: { name: '网格长', duties: ['统筹网格内的服务'] } }, BUREAU))
    expect(emulator.documents('posts').find((doc) => doc._id === created.postId)).toEqual({ _id: created.postId, id: created.postId, name: '网格长', duties: ['统筹网格内的服务'] })
    expect(await call('post.save', { post: { name: '网格长', duties: ['别的'] } }, BUREAU)).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(emulator.documents('posts')).toHaveLength(5) // the four and 网格长
  })

  it('refuses a resident with 403 and an anonymous call with 401, changing no post', async () => {
    const before = emulator.documents('posts')
    const post = { postId: 'zhengzhi', name: '正职', duties: ['随便改改'] }
    expect(await call('post.save', { post }, RESIDENT)).toEqual({ ok: false, code: 'FORBIDDEN', message: '没有权限进行此操作' })
    expect(await call('post.save', { post }, null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    expect(emulator.documents('posts')).toEqual(before)
  })
})
