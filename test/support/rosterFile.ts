// Rosters for the import tests, written with exceljs as a clerk's Excel would save them: a generated
// city of any size (sub-districts of communities of grids of workers), and a way to spoil one cell.
import { Workbook } from 'exceljs'
import { ROSTER_COLUMNS } from '@core/rosterSchemas'
import type { FileStorage } from '@backend/context'
import { ApiError } from '@core/errors'

export interface RosterRow {
  subdistrict: string
  community: string
  grid: string
  households: number | string
  workerCode: string
  name: string
  post: string
}

const POSTS = ['正职', '副职', '委员', '专职社区工作者']
const SURNAMES = '王李张刘陈杨黄赵吴周'

/**
 * `count` workers, five to a grid, ten grids to a community, five communities to a sub-district:
 * 1000 workers are 4 sub-districts, 20 communities, 200 grids. Grid households 300..499.
 */
export function generatedRoster(count: number): RosterRow[] {
  return Array.from({ length: count }, (_, i) => {
    const grid = Math.floor(i / 5)
    const community = Math.floor(grid / 10)
    const subdistrict = Math.floor(community / 5)
    return {
      subdistrict: `第${subdistrict + 1}街道办事处`,
      community: `第${community + 1}社区`,
      grid: `${grid % 10 + 1}号网格`,
      households: 300 + ((grid * 37) % 200),
      workerCode: `R${String(i + 1).padStart(4, '0')}`,
      name: `${SURNAMES[i % SURNAMES.length]}工作者${i + 1}`,
      post: POSTS[i % 5 === 0 ? 0 : 3] ?? '专职社区工作者',
    }
  })
}

/** The Excel row number of the i-th worker (0-based): the header is row 1. */
export const excelRowOf = (index: number): number => index + 2

export async function rosterXlsx(rows: readonly RosterRow[], header: readonly string[] = ROSTER_COLUMNS): Promise<Buffer> {
  const workbook = new Workbook()
  const sheet = workbook.addWorksheet('花名册')
  sheet.addRow([...header])
  for (const r of rows) sheet.addRow([r.subdistrict, r.community, r.grid, r.households, r.workerCode, r.name, r.post])
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** File storage in memory for handler tests: uploads by id, written files kept by their URL. */
export function memoryFiles(): FileStorage & { put(bytes: Buffer): string; written: Map<string, { name: string; bytes: Buffer }> } {
  const uploads = new Map<string, Buffer>()
  const written = new Map<string, { name: string; bytes: Buffer }>()
  return {
    written,
    put(bytes) {
      const id = `upload-${String(uploads.size + 1).padStart(32, '0')}`
      uploads.set(id, bytes)
      return id
    },
    async read(fileId) {
      const bytes = uploads.get(fileId)
      if (bytes === undefined) throw new ApiError('NOT_FOUND', '没有找到上传的文件，请重新选择文件上传')
      return bytes
    },
    async write(name, bytes) {
      const url = `/files/${String(written.size + 1).padStart(32, '0')}/${encodeURIComponent(name)}`
      written.set(url, { name, bytes })
      return { url }
    },
  }
}
