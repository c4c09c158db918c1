// A small organisation for handler tests: two sub-districts, so ownership rules can be tested,
// and worker X bound to a WeChat identity, so self-rating can be.
import type { OrgSeed } from '@backend/store'

export const FUSHAN = 'sd-fushan'
export const WENQUAN = 'sd-wenquan'
export const X = 'W001'
export const Y = 'W002'
export const Z = 'W101'

export const OPENID = {
  workerX: 'o-worker-x',
  fushanStaff: 'o-staff-fushan',
  wenquanStaff: 'o-staff-wenquan',
  communityAdmin: 'o-admin-yinquan',
  bureau: 'o-bureau',
  resident: 'o-resident-1',
} as const

export function smallOrg(): OrgSeed {
  return {
    subdistricts: [
      { id: FUSHAN, name: '浮山办事处' },
      { id: WENQUAN, name: '温泉办事处' },
    ],
    communities: [
      { id: 'c-yinquan', name: '银泉社区', subdistrictId: FUSHAN },
      { id: 'c-qinglong', name: '青龙社区', subdistrictId: FUSHAN },
      { id: 'c-wenquan', name: '温泉社区', subdistrictId: WENQUAN },
    ],
    grids: [
      { id: 'g-yq-1', name: '银泉第一网格', communityId: 'c-yinquan', households: 420 },
      { id: 'g-ql-1', name: '青龙第一网格', communityId: 'c-qinglong', households: 380 },
      { id: 'g-wq-1', name: '温泉第一网格', communityId: 'c-wenquan', households: 350 },
    ],
    posts: [
      { id: 'post-zhuanzhi', name: '专职社区工作者', duties: ['走访网格内住户', '收集并反映居民诉求'] },
    ],
    workers: [
      { code: X, name: '张敏', postId: 'post-zhuanzhi', communityId: 'c-yinquan', gridId: 'g-yq-1', subdistrictId: FUSHAN },
      { code: Y, name: '李强', postId: 'post-zhuanzhi', communityId: 'c-qinglong', gridId: 'g-ql-1', subdistrictId: FUSHAN },
      { code: Z, name: '王芳', postId: 'post-zhuanzhi', communityId: 'c-wenquan', gridId: 'g-wq-1', subdistrictId: WENQUAN },
    ],
    principals: [
      { openid: OPENID.workerX, role: 'worker', name: '张敏', workerCode: X, communityId: 'c-yinquan', subdistrictId: FUSHAN },
      { openid: OPENID.fushanStaff, role: 'subdistrict', name: '浮山办事处 刘科长', subdistrictId: FUSHAN },
      { openid: OPENID.wenquanStaff, role: 'subdistrict', name: '温泉办事处 陈科长', subdistrictId: WENQUAN },
      { openid: OPENID.communityAdmin, role: 'community', name: '银泉社区 周书记', communityId: 'c-yinquan', subdistrictId: FUSHAN },
      { openid: OPENID.bureau, role: 'bureau', name: '市民政局 赵处长' },
    ],
  }
}
