// Mini-program codes in the cloud (DESIGN section 7): wxacode.getUnlimited with the page, its `scene` and
// the version the code opens (env_version; the function's config.json declares the permission), kept in
// cloud storage and reused — a code is made once per version, page and scene, then read from the
// `code_images` collection. WeChat's failures that a deployer can act on get their own message.
// checkPath is false: the page need not be in a published version, so codes work before the first
// release and errcode 41030 (page not published) cannot occur; env_version picks which version opens.
import { createHash } from 'node:crypto'
import { ApiError } from '@core/errors'
import type { CloudCollections } from '@backend/store/cloudbase/collections'
import { type CloudDb, getOrNull, isDuplicateKey } from '@backend/store/cloudbase/db'
import type { CodeImages, CodePage } from '@backend/context'
import type { CodeEnvVersion, WxServerSdk } from '@backend/store/cloudbase/wxServerSdk'

/** What WeChat's errcodes mean to whoever runs the mini-program. */
const WXACODE_ERRORS: Record<number, string> = {
  45009: '今天生成小程序码的次数已达上限，请明天再试。',
  [-604101]: '云函数没有生成小程序码的权限：请在 cloudfunctions/api/config.json 的 permissions.openapi 中声明 wxacode.getUnlimited 并重新部署。',
}

const ENV_VERSIONS: readonly CodeEnvVersion[] = ['develop', 'trial', 'release']

/** The environment variable that says which version codes open. */
export const ENV_VERSION_VARIABLE = 'WXACODE_ENV_VERSION'

/** WXACODE_ENV_VERSION as read at start: a version, or the value that is none. */
export type CodeVersionSetting = { version: CodeEnvVersion } | { invalid: string }

/**
 * develop (开发版), trial (体验版) or release (正式版, also when unset). Any other value is refused, not
 * read as release: a mistyped `trail` on the trial build would make every code open a page the release
 * does not have, and a code once made is kept. Refused means logged at start and every new code answering
 * the deployer's message; the rest of the function serves on (a rating needs no new code).
 */
export function codeVersionSettingOf(value: string | undefined): CodeVersionSetting {
  const given = (value ?? '').trim()
  if (given === '') return { version: 'release' }
  const version = ENV_VERSIONS.find((known) => known === given)
  if (version !== undefined) return { version }
  console.error(`[api] ${ENV_VERSION_VARIABLE} must be develop, trial or release; it is ${JSON.stringify(value)}: no code will be made until it is corrected`)
  return { invalid: given }
}

const invalidVersionMessage = (value: string) =>
  `生成小程序码失败：云函数的环境变量 ${ENV_VERSION_VARIABLE} 是“${value}”，只能是 develop（开发版）、trial（体验版）或 release（正式版）。请在云开发控制台改正后再试。`

function errCodeOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const { errCode } = error as { errCode?: unknown }
  return typeof errCode === 'number' ? errCode : undefined
}

/** The cache key of a code: the version is part of it, so a trial code is never served to release. */
export function codeImageId(version: CodeEnvVersion, page: CodePage, scene: string): string {
  return createHash('sha256').update(`${version}|${page}|${scene}`, 'utf8').digest('hex').slice(0, 32)
}

export function cloudCodeImages(cloud: Pick<WxServerSdk, 'openapi' | 'uploadFile'>, db: CloudDb<CloudCollections>, setting: CodeVersionSetting): CodeImages {
  return {
    async imageFor(page: CodePage, scene: string): Promise<string> {
      if ('invalid' in setting) throw new ApiError('INTERNAL', invalidVersionMessage(setting.invalid))
      const { version } = setting
      const id = codeImageId(version, page, scene)
      const cached = await getOrNull(db.collection('code_images').doc(id))
      if (cached !== null) return cached.fileID
      let image: Buffer | Uint8Array
      try {
        // wx-server-sdk turns camelCase into WeChat's snake_case (envVersion → env_version).
        ;({ buffer: image } = await cloud.openapi.wxacode.getUnlimited({ scene, page, checkPath: false, envVersion: version, width: 430 }))
      } catch (error) {
        const known = WXACODE_ERRORS[errCodeOf(error) ?? 0]
        if (known !== undefined) throw new ApiError('INTERNAL', known)
        throw error
      }
      const { fileID } = await cloud.uploadFile({ cloudPath: `codes/${version}/${id}.png`, fileContent: image })
      try {
        await db.collection('code_images').add({ data: { _id: id, envVersion: version, page, scene, fileID } })
      } catch (error) {
        // Another instance made the same code meanwhile: theirs is as good.
        if (!isDuplicateKey(error)) throw error
      }
      return fileID
    },
  }
}
