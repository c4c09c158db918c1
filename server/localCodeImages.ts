// Scannable codes in the local runtime: a QR PNG (the `qrcode` package) of the h5 page's URL with the
// same `scene` a mini-program code carries, e.g. http://127.0.0.1:10086/#/pages/rate/index?scene=YQ01.
import QRCode from 'qrcode'
import type { CodeImages, CodePage } from '@backend/context'

/**
 * pngjs's default tries all five row filters on every row, byte by byte in JavaScript; the "up" filter
 * alone (pngjs's `filterType`, which @types/qrcode does not list) draws the same 480-pixel code three
 * times faster, ten times inside jest's sandbox, at about 14 KB instead of 4.
 */
const PNG_OPTIONS = { errorCorrectionLevel: 'M', margin: 2, width: 480, rendererOpts: { filterType: 2 } } as QRCode.QRCodeToDataURLOptions

/** `baseUrl`: where the h5 app is served, known once the server listens. */
export function localCodeImages(baseUrl: () => string): CodeImages {
  return {
    imageFor(page: CodePage, scene: string): Promise<string> {
      const url = `${baseUrl().replace(/\/$/, '')}/#/${page}?scene=${encodeURIComponent(scene)}`
      return QRCode.toDataURL(url, PNG_OPTIONS)
    },
  }
}
