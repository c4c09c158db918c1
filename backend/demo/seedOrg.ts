// The demo organisation: the Xianning pilot of DESIGN section 2 — 浮山办事处 with 银泉社区 (18 workers)
// and 青龙社区 (12 workers), grids of 300-500 households, the four-post job description (四岗说明书),
// and one bound identity per worker and per staff role for the local identity switcher. A second
// sub-district, 温泉办事处 with 淦河社区 (6 workers, 3 grids), comes after 浮山's records, so scope can be seen.
import type { GridRecord, OrgSeed, PostRecord, PrincipalRecord, WorkerRecord } from '../store'
import { FOUR_POSTS } from '../catalog/fourPosts'

export const DEMO_SUBDISTRICT_ID = 'fushan'
export const DEMO_SUBDISTRICT_STAFF = 'dev-subdistrict-fushan'
/** A second, smaller sub-district, so scope can be seen and tested: 温泉办事处, 淦河社区, 6 workers. */
export const DEMO_SECOND_SUBDISTRICT_ID = 'wenquan'
export const DEMO_SECOND_SUBDISTRICT_STAFF = 'dev-subdistrict-wenquan'

/** Residents one can act as locally; never bound to a record, so they are plain residents. */
export const DEMO_RESIDENTS: ReadonlyArray<{ openid: string; name: string }> = [
  { openid: 'dev-resident-1', name: '居民 张阿姨' },
  { openid: 'dev-resident-2', name: '居民 李大爷' },
  { openid: 'dev-resident-3', name: '居民 小王' },
]

interface CommunityPlan {
  id: string
  name: string
  /** The sub-district the community belongs to: 浮山办事处 unless said. */
  subdistrictId?: string
  codePrefix: string
  /** Grid names (by 小区) and household counts, 300-500 each. */
  grids: Array<[string, number]>
  /** Workers in code order: 1 正职, then 副职, 委员, the rest 专职社区工作者. */
  workers: Array<[string, PostRecord['id']]>
}

const COMMUNITIES: CommunityPlan[] = [
  {
    id: 'yinquan',
    name: '银泉社区',
    codePrefix: 'YQ',
    grids: [
      ['银泉花园网格', 468],
      ['桂花苑网格', 412],
      ['幸福里网格', 356],
      ['温泉路网格', 327],
      ['银泉新村网格', 491],
      ['丹桂小区网格', 384],
    ],
    workers: [
      ['刘建华', 'zhengzhi'], ['王志强', 'fuzhi'], ['陈秀英', 'fuzhi'],
      ['张丽', 'weiyuan'], ['李国栋', 'weiyuan'], ['赵敏', 'weiyuan'],
      ['孙桂兰', 'zhuanzhi'], ['周涛', 'zhuanzhi'], ['吴静', 'zhuanzhi'],
      ['郑海燕', 'zhuanzhi'], ['黄卫东', 'zhuanzhi'], ['徐婷', 'zhuanzhi'],
      ['胡晓明', 'zhuanzhi'], ['朱红梅', 'zhuanzhi'], ['高磊', 'zhuanzhi'],
      ['林芳', 'zhuanzhi'], ['何文斌', 'zhuanzhi'], ['罗晓燕', 'zhuanzhi'],
    ],
  },
  {
    id: 'qinglong',
    name: '青龙社区',
    codePrefix: 'QL',
    grids: [
      ['青龙山庄网格', 437],
      ['龙潭小区网格', 395],
      ['青龙街网格', 318],
      ['滨河苑网格', 476],
    ],
    workers: [
      ['杨光荣', 'zhengzhi'], ['马俊', 'fuzhi'],
      ['郭美玲', 'weiyuan'], ['宋春霞', 'weiyuan'],
      ['韩雪', 'zhuanzhi'], ['唐建国', 'zhuanzhi'], ['冯丽娟', 'zhuanzhi'], ['曹宇', 'zhuanzhi'],
      ['彭小红', 'zhuanzhi'], ['邓军', 'zhuanzhi'], ['许慧', 'zhuanzhi'], ['谢勇', 'zhuanzhi'],
    ],
  },
  {
    id: 'ganhe',
    name: '淦河社区',
    subdistrictId: DEMO_SECOND_SUBDISTRICT_ID,
    codePrefix: 'GH',
    grids: [
      ['淦河苑网格', 438],
      ['温泉花园网格', 365],
      ['金桂路网格', 402],
    ],
    workers: [
      ['程志远', 'zhengzhi'], ['方丽萍', 'fuzhi'], ['蔡文华', 'weiyuan'],
      ['潘晓东', 'zhuanzhi'], ['田秀云', 'zhuanzhi'], ['袁刚', 'zhuanzhi'],
    ],
  },
]

function workerCodeOf(prefix: string, index: number): string {
  return `${prefix}${String(index + 1).padStart(2, '0')}`
}

export function demoOrg(): OrgSeed {
  const subdistrictOf = (plan: CommunityPlan) => plan.subdistrictId ?? DEMO_SUBDISTRICT_ID
  const grids: GridRecord[] = []
  const workers: WorkerRecord[] = []
  const principals: PrincipalRecord[] = [
    { openid: DEMO_SUBDISTRICT_STAFF, role: 'subdistrict', name: '浮山办事处 王科长', subdistrictId: DEMO_SUBDISTRICT_ID },
    { openid: 'dev-bureau', role: 'bureau', name: '市民政局 陈处长' },
    { openid: DEMO_SECOND_SUBDISTRICT_STAFF, role: 'subdistrict', name: '温泉办事处 李科长', subdistrictId: DEMO_SECOND_SUBDISTRICT_ID },
  ]
  for (const plan of COMMUNITIES) {
    const sid = subdistrictOf(plan)
    const gridIds = plan.grids.map(([name, households], i) => {
      const id = `${plan.id}-g${i + 1}`
      grids.push({ id, name, communityId: plan.id, households })
      return id
    })
    principals.push({
      openid: `dev-community-${plan.id}`,
      role: 'community',
      name: `${plan.name} 管理员`,
      communityId: plan.id,
      subdistrictId: sid,
    })
    plan.workers.forEach(([name, postId], i) => {
      const code = workerCodeOf(plan.codePrefix, i)
      // Round-robin over the grids: every grid has its workers, leaders included (they 包片 too).
      const gridId = gridIds[i % gridIds.length]
      workers.push({ code, name, postId, communityId: plan.id, gridId, subdistrictId: sid })
      principals.push({ openid: `dev-worker-${code}`, role: 'worker', name, workerCode: code, communityId: plan.id, subdistrictId: sid })
    })
  }
  return {
    subdistricts: [
      { id: DEMO_SUBDISTRICT_ID, name: '浮山办事处' },
      { id: DEMO_SECOND_SUBDISTRICT_ID, name: '温泉办事处' },
    ],
    communities: COMMUNITIES.map((plan) => ({ id: plan.id, name: plan.name, subdistrictId: subdistrictOf(plan) })),
    grids,
    posts: FOUR_POSTS,
    workers,
    principals,
  }
}
