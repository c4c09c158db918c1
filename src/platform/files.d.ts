// Resolved per platform by Taro's multi-platform file suffixes: files.weapp.ts, files.h5.ts.
// Spreadsheets in and out: the bureau's roster picked and uploaded, a template or report opened.
import type { FileLink } from '../core/fileLink'

/** An uploaded file: what org.import reads (`fileId`), and what the page shows of it. */
export interface UploadedFile {
  fileId: string
  name: string
  /** Bytes. */
  size: number
}

export interface FilesApi {
  /**
   * Asks for one .xlsx (weapp: from a WeChat chat, where a PC sends it; h5: a file picker) and uploads
   * it (cloud storage; the local runtime's POST /cloud/upload). null when the user picks nothing.
   * Rejects with a CallError whose message the page may show.
   */
  pickAndUpload(): Promise<UploadedFile | null>
  /**
   * Opens a file the function `files` wrote: weapp downloads it by its cloud file ID (wx.cloud.downloadFile)
   * and opens it with a menu to forward; h5 downloads the local runtime's URL.
   */
  open(link: FileLink, fileName: string): Promise<void>
  /** What to tell the user once a file is opened: where it is and how it gets to a PC. */
  readonly openedHint: string
}

export declare const files: FilesApi
