// hall.qrcode: the hall's code for the poster at the counter — a mini-program code of pages/hall/index
// with scene = the hall code, made once and kept in cloud storage (the path workers' codes take); locally
// a QR PNG of the h5 page. Not secret: it hangs at the window.
import { hallCodeOf } from '@core/hallHours'
import type { Handler } from '../context'
import { hallCommunity } from './hallScope'

export const hallQrcode: Handler<'hall.qrcode'> = async ({ communityId }, { caller, store, codeImages }) => {
  const community = await hallCommunity(caller, store, communityId)
  const hallCode = hallCodeOf(community.id)
  return { hallCode, communityName: community.name, image: await codeImages.imageFor('pages/hall/index', hallCode) }
}
