import Taro from '@tarojs/taro'
import type { AlbumApi, SaveOutcome } from './album'

const SCOPE = 'scope.writePhotosAlbum'

function errMsgOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'errMsg' in error ? String(error.errMsg) : ''
}

/**
 * A local file of the image, which is all saveImageToPhotosAlbum takes: a cloud file ID is downloaded from
 * cloud storage, anything else (a network URL) through getImageInfo.
 */
async function localFileOf(image: string): Promise<string> {
  if (image.startsWith('cloud://')) return (await Taro.cloud.downloadFile({ fileID: image })).tempFilePath
  return (await Taro.getImageInfo({ src: image })).path
}

/**
 * Why WeChat refused the save. A refused privacy agreement fails with "privacy permission is not authorized"
 * (onNeedPrivacyAuthorization's resolve disagree), which is not the album permission: settings cannot help.
 */
function outcomeOfFailure(errMsg: string): SaveOutcome {
  if (/privacy permission is not authorized/i.test(errMsg)) return 'privacy-refused'
  return /auth|deny|denied/i.test(errMsg) ? 'denied' : 'failed'
}

/**
 * The first save makes WeChat ask for the album permission itself (after its privacy authorisation,
 * DESIGN 6.9). Once refused, WeChat does not ask again: the page offers its settings page instead.
 */
async function save(image: string): Promise<SaveOutcome> {
  const { authSetting } = await Taro.getSetting()
  if (authSetting[SCOPE] === false) return 'denied'
  try {
    const filePath = await localFileOf(image)
    await Taro.saveImageToPhotosAlbum({ filePath })
    return 'saved'
  } catch (error) {
    return outcomeOfFailure(errMsgOf(error))
  }
}

async function openSettings(): Promise<boolean> {
  const { authSetting } = await Taro.openSetting()
  return authSetting[SCOPE] === true
}

export const album: AlbumApi = { canSave: true, save, openSettings }
