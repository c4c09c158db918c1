import type { FileLink } from '../core/fileLink'
import { CallError } from './call-error'
import type { FilesApi, UploadedFile } from './files'
import { postToRuntime } from './runtime.h5'

/** The local runtime's stand-in for wx.cloud.uploadFile: the raw bytes, the caller in X-Openid. */
const UPLOAD_ENDPOINT = '/cloud/upload'

/** A file picker for one .xlsx; null when the user closes it without picking. */
function pickFile(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    input.style.display = 'none'
    const done = (file: File | null) => {
      input.remove()
      resolve(file)
    }
    input.addEventListener('change', () => done(input.files?.[0] ?? null))
    input.addEventListener('cancel', () => done(null))
    document.body.appendChild(input)
    input.click()
  })
}

async function pickAndUpload(): Promise<UploadedFile | null> {
  const file = await pickFile()
  if (file === null) return null
  const { fileId } = await postToRuntime<{ fileId: string }>(UPLOAD_ENDPOINT, 'application/octet-stream', file)
  return { fileId, name: file.name, size: file.size }
}

const OPEN_FAILED = '文件没能下载，请稍后再试'

/** The name the local runtime serves a file under (/files/<id>/<name>), if the link has one. */
function nameInUrl(url: string): string | null {
  try {
    const last = decodeURIComponent(url.split('?')[0]?.split('/').pop() ?? '')
    return /\.xlsx$/i.test(last) ? last : null
  } catch {
    return null
  }
}

/** A browser downloads the file through a link, as a clerk expects on a PC. The local runtime answers URLs only. */
function open(file: FileLink, fileName: string): Promise<void> {
  if (!('url' in file)) return Promise.reject(new CallError('INTERNAL', OPEN_FAILED))
  const { url } = file
  const link = document.createElement('a')
  link.href = url
  link.download = nameInUrl(url) ?? fileName
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  return Promise.resolve()
}

export const files: FilesApi = { pickAndUpload, open, openedHint: '已下载到本机，请用 Excel 或 WPS 打开填写' }
