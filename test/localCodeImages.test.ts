// The local runtime's scannable codes (server/localCodeImages.ts): a QR PNG, as a data URL the pages can
// show, of the h5 page a mini-program code would open, with the same `scene` (DESIGN sections 5 and 7):
// the feedback page for a visit, the rating page for a worker.
import QRCode from 'qrcode'
import { localCodeImages } from '../server/localCodeImages'

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

function pngOf(dataUrl: string): Buffer {
  const prefix = 'data:image/png;base64,'
  expect(dataUrl.startsWith(prefix)).toBe(true)
  return Buffer.from(dataUrl.slice(prefix.length), 'base64')
}

afterEach(() => jest.restoreAllMocks())

it('draws a PNG of the h5 feedback page with the visit code as scene, for a runtime at its URL', async () => {
  const encode = jest.spyOn(QRCode, 'toDataURL')
  const image = await localCodeImages(() => 'http://127.0.0.1:10086/').imageFor('pages/feedback/index', 'Vabc123XYZ456def')
  // What the QR code holds: the hash route Taro's h5 router reads, the trailing slash of the base dropped.
  expect(encode).toHaveBeenCalledTimes(1)
  expect(encode.mock.calls[0][0]).toBe('http://127.0.0.1:10086/#/pages/feedback/index?scene=Vabc123XYZ456def')
  const png = pngOf(image)
  expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE)
  // IHDR: width and height (bytes 16-23) are 480 pixels, large enough to scan from another phone's screen.
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([480, 480])
})

it("URI-encodes a worker code's scene characters for the rating page, as the page decodes them", async () => {
  const encode = jest.spyOn(QRCode, 'toDataURL')
  await localCodeImages(() => 'http://192.168.1.20:8080').imageFor('pages/rate/index', 'W#01/7')
  expect(encode.mock.calls[0][0]).toBe('http://192.168.1.20:8080/#/pages/rate/index?scene=W%2301%2F7')
})

it('makes a different picture for a different scene, and the same for the same', async () => {
  const codes = localCodeImages(() => 'http://127.0.0.1:10086')
  const first = await codes.imageFor('pages/rate/index', 'YQ01')
  expect(await codes.imageFor('pages/rate/index', 'YQ02')).not.toBe(first)
  expect(await codes.imageFor('pages/rate/index', 'YQ01')).toBe(first)
})
