// The four posts every environment starts with (四岗说明书), which the bureau then edits: setup writes
// them into an empty catalogue, and the demo's workers hold them.
import type { PostRecord } from '../store'

/** The 4 of 3456: every post has written duties, shown on every worker's card. */
export const FOUR_POSTS: PostRecord[] = [
  {
    id: 'zhengzhi',
    name: '正职',
    duties: [
      '主持社区党组织和居委会全面工作，落实街道布置的各项任务',
      '召集“两委”会议和居民会议，社区大事由大家商量决定',
      '统筹划分网格、安排人手，督促每位工作者下沉网格',
      '协调解决居民反映集中的难题，对社区安全稳定负总责',
    ],
  },
  {
    id: 'fuzhi',
    name: '副职',
    duties: [
      '协助正职处理日常事务，分管民政、社保、就业等便民服务',
      '安排服务大厅每天值班，居民来办事有人接、当场办或转办',
      '牵头排查和调解邻里纠纷，跟踪居民诉求直到办结',
    ],
  },
  {
    id: 'weiyuan',
    name: '委员',
    duties: [
      '按分工负责党建、综治、卫生健康、文体等条线工作',
      '组织志愿服务和社区活动，动员居民参与社区事务',
      '联系辖区单位和物业公司，协调小区公共事务',
    ],
  },
  {
    id: 'zhuanzhi',
    name: '专职社区工作者',
    duties: [
      '包保一个网格，每周入户走访，熟悉网格内每户的基本情况',
      '收集居民诉求，能办的当场办，办不了的及时上报并回复结果',
      '定期上门看望独居老人、困难家庭和残疾人',
      '配合做好安全隐患排查、环境卫生整治等工作',
      '一半以上工作时间在网格里，不坐等居民上门',
    ],
  },
]
