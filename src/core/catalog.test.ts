// The post order of the four-post job description (四岗说明书): 正职, 副职, 委员, 专职社区工作者, then any post
// the bureau added, by name; and the post.save payload's checks, named by field and by line.
import * as v from 'valibot'
import { comparePosts } from './catalog'
import { postSavePayload } from './catalogSchemas'

const post = (id: string, name: string) => ({ id, name })

it('orders the four posts by rank, whatever their ids, and other posts after them by name, then id', () => {
  const posts = [post('a', '网格长'), post('zhuanzhi', '专职社区工作者'), post('z', '正职'), post('b', '委员'), post('fuzhi', '副职'), post('c', '党建指导员'), post('d', '党建指导员')]
  expect(posts.sort(comparePosts).map((p) => `${p.name}/${p.id}`)).toEqual([
    '正职/z',
    '副职/fuzhi',
    '委员/b',
    '专职社区工作者/zhuanzhi',
    '党建指导员/c', // 党 U+515A before 网 U+7F51
    '党建指导员/d',
    '网格长/a',
  ])
})

describe('post.save payload', () => {
  const issue = (input: unknown) => {
    const parsed = v.safeParse(postSavePayload, { post: input })
    return parsed.success ? parsed.output : parsed.issues[0].message
  }

  it('trims the name and every duty', () => {
    expect(issue({ name: ' 委员 ', duties: [' 联系辖区单位 ', '组织志愿服务'] })).toEqual({ post: { name: '委员', duties: ['联系辖区单位', '组织志愿服务'] } })
  })

  it('names the first bad duty by its line number', () => {
    expect(issue({ name: '委员', duties: ['联系', '', '责'.repeat(61)] })).toBe('第 2 条职责是空的，请填写或删去这一条')
    expect(issue({ name: '委员', duties: ['联系', '责'.repeat(61), ''] })).toBe('第 2 条职责有 61 个字，最多 60 个字')
    expect(issue({ name: '委员', duties: ['联系', '走访', '走访'] })).toBe('第 3 条职责和第 2 条重复了')
    expect(issue({ name: '委员', duties: ['联系', '责'.repeat(60)] })).toEqual({ post: { name: '委员', duties: ['联系', '责'.repeat(60)] } })
  })
})

describe('post.save payload, fields left out', () => {
  const message = (post: unknown) => {
    const parsed = v.safeParse(postSavePayload, { post })
    return parsed.success ? 'accepted' : parsed.issues[0].message
  }

  it('names the missing field: the name, or the duties', () => {
    expect(message({ duties: ['走访'] })).toBe('请填写岗位名称')
    expect(message({ name: '委员' })).toBe('请至少填写 1 条职责')
    expect(message('委员')).toBe('请提供岗位名称和职责')
  })
})
