// Resolved per platform by Taro's multi-platform file suffixes: album.weapp.ts, album.h5.ts.
export type SaveOutcome =
  | 'saved'
  /** The user refused the album permission (now or before): only WeChat's settings page can grant it. */
  | 'denied'
  /** The user refused WeChat's privacy agreement: nothing saved; the next save asks for it again. */
  | 'privacy-refused'
  | 'failed'

export interface AlbumApi {
  /** The platform can save an image to the phone's album from a button (the mini-program); h5 cannot. */
  readonly canSave: boolean
  /** Saves an image the api answered (a cloud file ID in the cloud) to the album, asking for the permission. */
  save(image: string): Promise<SaveOutcome>
  /** WeChat's settings page, where a refused album permission is turned on; true when it now is. Call from a tap. */
  openSettings(): Promise<boolean>
}

export declare const album: AlbumApi
