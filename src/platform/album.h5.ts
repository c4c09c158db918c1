import type { AlbumApi } from './album'

/** A browser has no album API: the page says to long-press the image (or save it) instead. */
export const album: AlbumApi = {
  canSave: false,
  save: () => Promise.resolve('failed'),
  openSettings: () => Promise.resolve(false),
}
