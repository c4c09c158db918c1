import type { SubscribeApi } from './subscribe'

/** A browser (the local runtime) gets no subscribe message: the home page shows the notice instead. */
export const subscribe: SubscribeApi = {
  supported: false,
  askForRectificationNotice: async () => false,
}
