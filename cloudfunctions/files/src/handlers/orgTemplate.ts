// org.template: the bureau downloads the roster template (issue 8, item 1) — the first sheet's row 1 is
// exactly 街道, 社区, 网格, 户数, 工号, 姓名, 岗位; a second sheet explains the columns and lists the posts
// of the catalogue in force (四岗说明书), which the 岗位 column offers as a drop-down.
import { comparePosts } from '../../../../src/core/catalog'
import type { Handler } from '../../../api/src/context'
import { rosterTemplate } from '../rosterWorkbook'
import { fileStorageOf, postNamesOf, requireBureau } from './guards'

export const TEMPLATE_FILE_NAME = '花名册模板.xlsx'

export const orgTemplate: Handler<'org.template'> = async (_payload, ctx) => {
  requireBureau(ctx.caller, '下载花名册模板')
  const files = fileStorageOf(ctx)
  const posts = postNamesOf(await ctx.store.catalog.listPosts(), comparePosts)
  return files.write(TEMPLATE_FILE_NAME, await rosterTemplate(posts))
}
