// The organisation of a scale seed: a city of sub-districts, communities of ~15 workers (the pilot's
// were 18 and 12), grids of 300-500 households with ~3 workers each, the four posts (四岗) of the demo.
// The first sub-district has 300 workers (the size the bench's figures are for), the rest ~350 each.
import type { CommunityRecord, GridRecord, OrgSeed, WorkerRecord } from '@backend/store'
import { FOUR_POSTS } from '@backend/catalog/fourPosts'
import { type Random, intBetween } from '@backend/demo/seedRandom'

export const SCALE_BUREAU = 'scale-bureau'
const FIRST_SUBDISTRICT = 300
const SUBDISTRICT_SIZE = 350
const COMMUNITY_SIZE = 15
const WORKERS_PER_GRID = 3

export const staffOpenidOf = (subdistrictId: string): string => `scale-subdistrict-${subdistrictId}`

/** 1000 → [300, 350, 350]; 300 or fewer → one sub-district; the rest split as evenly as it goes. */
export function subdistrictSizesFor(workers: number): number[] {
  if (workers <= FIRST_SUBDISTRICT) return [workers]
  const rest = workers - FIRST_SUBDISTRICT
  return [FIRST_SUBDISTRICT, ...evenSplit(rest, Math.max(1, Math.round(rest / SUBDISTRICT_SIZE)))]
}

/** `total` in `parts` sizes differing by at most one, larger first. */
function evenSplit(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0))
}

const SUBDISTRICT_NAMES = ['温泉办事处', '永安办事处', '浮山办事处', '凤凰办事处', '向阳湖镇', '官埠桥镇', '横沟桥镇', '贺胜桥镇']
const COMMUNITY_NAMES = ['银泉', '青龙', '桂花', '丹桂', '龙潭', '滨河', '幸福', '和平', '东风', '南山', '金桂', '新华', '东方', '长安', '文昌', '翠竹', '宝塔', '月亮湾']
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈'
const GIVEN = ['敏', '强', '芳', '伟', '丽', '军', '静', '磊', '洋', '艳', '勇', '杰', '娟', '涛', '明', '超', '秀英', '桂兰', '建华', '志强', '海燕', '晓明', '红梅', '文斌', '春霞', '国栋', '慧', '婷', '雪', '宇']

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]

/** The post of the i-th worker of a community: 1 正职, then 副职, 委员, the rest 专职社区工作者. */
function postOf(i: number, communitySize: number): string {
  const deputies = communitySize >= 6 ? 2 : 1
  const members = communitySize >= 10 ? 3 : 2
  if (i === 0) return 'zhengzhi'
  if (i <= deputies) return 'fuzhi'
  if (i <= deputies + members) return 'weiyuan'
  return 'zhuanzhi'
}

export function scaleOrg(sizes: number[], random: Random): OrgSeed {
  const org: OrgSeed = { subdistricts: [], communities: [], grids: [], posts: FOUR_POSTS, workers: [], principals: [] }
  org.principals.push({ openid: SCALE_BUREAU, role: 'bureau', name: '市民政局 管理员' })
  sizes.forEach((size, s) => {
    const id = `S${String(s + 1).padStart(2, '0')}`
    org.subdistricts.push({ id, name: SUBDISTRICT_NAMES[s] ?? `第${s + 1}街道` })
    org.principals.push({ openid: staffOpenidOf(id), role: 'subdistrict', name: `${SUBDISTRICT_NAMES[s] ?? id} 工作人员`, subdistrictId: id })
    let workerNo = 0
    evenSplit(size, Math.max(1, Math.round(size / COMMUNITY_SIZE))).forEach((communitySize, c) => {
      const community: CommunityRecord = { id: `${id}-C${String(c + 1).padStart(2, '0')}`, name: communityName(c), subdistrictId: id }
      org.communities.push(community)
      const grids: GridRecord[] = Array.from({ length: Math.ceil(communitySize / WORKERS_PER_GRID) }, (_, g) => ({
        id: `${community.id}-G${g + 1}`,
        name: `第${g + 1}网格`,
        communityId: community.id,
        households: intBetween(random, [300, 500]),
      }))
      org.grids.push(...grids)
      for (let i = 0; i < communitySize; i += 1) {
        workerNo += 1
        const worker: WorkerRecord = {
          code: `${id}W${String(workerNo).padStart(4, '0')}`,
          name: pick(random, [...SURNAMES]) + pick(random, GIVEN),
          postId: postOf(i, communitySize),
          communityId: community.id,
          gridId: grids[Math.floor(i / WORKERS_PER_GRID)].id,
          subdistrictId: id,
        }
        org.workers.push(worker)
      }
    })
  })
  return org
}

function communityName(c: number): string {
  const base = COMMUNITY_NAMES[c % COMMUNITY_NAMES.length]
  const round = Math.floor(c / COMMUNITY_NAMES.length)
  return `${base}${round === 0 ? '' : round + 1}社区`
}
