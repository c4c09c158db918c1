import Taro from '@tarojs/taro'
import { callApi } from './api'
import { CallError, NETWORK_MESSAGE } from './call-error'
import type { FileLink } from '../core/fileLink'
import type { FilesApi, UploadedFile } from './files'

function errMsgOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'errMsg' in error ? String(error.errMsg) : ''
}

const PRIVACY_REFUSED = '您没有同意隐私说明，没能打开聊天文件。想导入时请再点一次，在弹出的说明里点“同意并继续”。'

/**
 * A roster lives on a PC: it reaches the phone in a WeChat chat, which chooseMessageFile picks from. It is
 * uploaded to the path the back end answers (the caller's own folder, counted against their daily quota):
 * org.import reads no other. A refused path (the quota) rejects with the back end's message.
 */
async function pickAndUpload(): Promise<UploadedFile | null> {
  let picked: { path: string; name: string; size: number } | undefined
  try {
    ;[picked] = (await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] })).tempFiles
  } catch (error) {
    if (/cancel/i.test(errMsgOf(error))) return null
    // The user refused WeChat's privacy agreement (onNeedPrivacyAuthorization): WeChat asks again next time.
    if (/privacy permission is not authorized/i.test(errMsgOf(error))) throw new CallError('INTERNAL', PRIVACY_REFUSED)
    throw new CallError('INTERNAL', '没能打开聊天文件，请再试一次')
  }
  if (picked === undefined) return null
  const { cloudPath } = await callApi('org.uploadPath', {})
  try {
    const { fileID } = await Taro.cloud.uploadFile({ cloudPath, filePath: picked.path })
    return { fileId: fileID, name: picked.name, size: picked.size }
  } catch {
    throw new CallError('NETWORK', NETWORK_MESSAGE)
  }
}

/**
 * Downloaded by its cloud file ID, then opened with WeChat's menu, so the clerk can forward the file to a PC.
 * wx.cloud.downloadFile needs no downloadFile 合法域名 (a tcb.qcloud.la link would) and is read under the
 * storage rules; the cloud answers a file ID, never a URL.
 */
async function open(file: FileLink): Promise<void> {
  if (!('fileId' in file)) throw new CallError('INTERNAL', '文件没能下载，请稍后再试')
  let filePath: string
  try {
    ;({ tempFilePath: filePath } = await Taro.cloud.downloadFile({ fileID: file.fileId }))
  } catch {
    throw new CallError('NETWORK', NETWORK_MESSAGE)
  }
  try {
    await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true })
  } catch {
    throw new CallError('INTERNAL', '文件已下载，但手机没能打开它，请稍后再试')
  }
}

export const files: FilesApi = { pickAndUpload, open, openedHint: '已打开，可点右上角“…”转发到电脑微信，在电脑上填写' }
