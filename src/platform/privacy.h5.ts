import type { PrivacyApi } from './privacy'

/** A browser has no onNeedPrivacyAuthorization: the agreement is never shown in h5. */
export const privacy: PrivacyApi = {
  supported: false,
  host: () => () => undefined,
  refresh: () => undefined,
  agree: () => undefined,
  disagree: () => undefined,
}
