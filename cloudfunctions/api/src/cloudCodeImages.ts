// Mini-program codes in the cloud (DESIGN section 7): wxacode.getUnlimited with the page and its `scene`
// (the function's config.json declares the permission), kept in cloud storage and reused — a code is
// made once per page and scene, then read from the `code_images` collection. WeChat's failures that a
// deployer can act on get their own message.
import { createHash } from 'node:crypto'
import { ApiError } from '@core/errors'
import type { CloudCollections } from '@backend/store/cloudbase/collections'
import { type CloudDb, getOrNull, isDuplicateKey } from '@backend/store/cloudbase/db'
import type { CodeImages, CodePage } from '@backend/context'
import type { WxServerSdk } from '@backend/store/cloudbase/wxServerSdk'

/** What WeChat's errcodes mean to whoever runs the mini-program. */
const WXACODE_ERRORS: Record<number, string> = {
  41030: '生成小程序码失败：页面还不存在。请先发布包含该页面的小程序版本，再生成二维码。',
  45009: '今天生成小程序码的次数已达上限，请明天再试。',
  [-604101]: '云函数没有生成小程序码的权限：请在 cloudfunctions/api/config.json 的 permissions.openapi 中声明 wxacode.getUnlimited 并重新部署。',
}

function errCodeOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const { errCode } = error as { errCode?: unknown }
  return typeof errCode === 'number' ? errCode : undefined
}

export function cloudCodeImages(cloud: Pick<WxServerSdk, 'openapi' | 'uploadFile'>, db: CloudDb<CloudCollections>): CodeImages {
  return {
    async imageFor(page: CodePage, scene: string): Promise<string> {
      const id = createHash('sha256').update(`${page}|${scene}`, 'utf8').digest('hex').slice(0, 32)
      const cached = await getOrNull(db.collection('code_images').doc(id))
      if (cached !== null) return cached.fileID
      let image: Buffer | Uint8Array
      try {
        ;({ buffer: image } = await cloud.openapi.wxacode.getUnlimited({ scene, page, checkPath: false, width: 430 }))
      } catch (error) {
        const known = WXACODE_ERRORS[errCodeOf(error) ?? 0]
        if (known !== undefined) throw new ApiError('INTERNAL', known)
        throw error
      }
      const { fileID } = await cloud.uploadFile({ cloudPath: `codes/${id}.png`, fileContent: image })
      try {
        await db.collection('code_images').add({ data: { _id: id, page, scene, fileID } })
      } catch (error) {
        // Another instance made the same code meanwhile: theirs is as good.
        if (!isDuplicateKey(error)) throw error
      }
      return fileID
    },
  }
}
