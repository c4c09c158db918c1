// worker.qrcode: a worker's own code, the one residents scan to rate them: a mini-program code
// of pages/rate/index with scene = their worker code, made once and kept in cloud storage; locally a QR
// PNG of the h5 rating page. Only the worker bound to the record gets it; the code is not secret (it is
// printed on posters), but it is theirs to show.
import type { Handler } from '../context'

export const workerQrcode: Handler<'worker.qrcode'> = async (_payload, { caller, codeImages }) => {
  const { workerCode } = caller
  return { image: await codeImages.imageFor('pages/rate/index', workerCode) }
}
