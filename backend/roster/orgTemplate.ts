// org.template: the bureau downloads the roster template — the first sheet's row 1 is
// exactly 街道, 社区, 网格, 户数, 工号, 姓名, 岗位; a second sheet explains the columns and lists the posts
// of the catalogue in force (四岗说明书), which the 岗位 column offers as a drop-down.
import { postNamesOf } from '@core/catalog'
import { fileStorageOf, type Handler } from '../context'
import { rosterTemplate } from './rosterWorkbook'

export const TEMPLATE_FILE_NAME = '花名册模板.xlsx'

export const orgTemplate: Handler<'org.template'> = async (_payload, ctx) => {
  const files = fileStorageOf(ctx)
  const posts = postNamesOf(await ctx.store.catalog.listPosts())
  return files.write(TEMPLATE_FILE_NAME, await rosterTemplate(posts))
}
