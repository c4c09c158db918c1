import type { PrivacyApi } from './privacy'

/** A browser has no onNeedPrivacyAuthorization: the dialog is never shown in h5. */
export const privacy: PrivacyApi = {
  supported: false,
  onRequest: () => () => undefined,
  agree: () => undefined,
  disagree: () => undefined,
}
