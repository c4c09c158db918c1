// WeChat's privacy authorisation for the weapp tests (wx.onNeedPrivacyAuthorization), as its documentation
// describes it: a privacy API of WeChat's list (saveImageToPhotosAlbum, chooseMessageFile) called by a user
// who has not agreed yet stays pending while the mini-program's listener shows its agreement;
// resolve({ event: 'agree', buttonId }) lets it go on, if the agreeprivacyauthorization event of that very
// button fired; resolve({ event: 'disagree' }) fails it with "<api>:fail privacy permission is not authorized",
// and the next call asks again.
// https://developers.weixin.qq.com/miniprogram/dev/api/open-api/privacy/wx.onNeedPrivacyAuthorization.html
import type { Callbacks } from './album'

export interface PrivacyState {
  /** The user agreed before (WeChat remembers it). A new world: agreed, so only privacy tests meet the question. */
  agreed: boolean
  /** The APIs that made WeChat ask (eventInfo.referrer), in order. */
  asked: string[]
  /** Everything the mini-program passed to resolve, in order. */
  answers: object[]
  /** The ids of agree buttons (open-type agreePrivacyAuthorization) whose event fired, in order. */
  agreeTaps: string[]
}

export function newPrivacyState(): PrivacyState {
  return { agreed: true, asked: [], answers: [], agreeTaps: [] }
}

interface Answer {
  event?: string
  buttonId?: string
}
export type PrivacyListener = (resolve: (answer: Answer) => void, eventInfo: { referrer: string }) => void

/**
 * Resolves once the user may use a privacy API: at once when they agreed before, else after asking the
 * mini-program's listener; rejects as WeChat fails the API when they refuse.
 */
export function privacyGuard(state: () => PrivacyState, listener: () => PrivacyListener | null) {
  return (api: string): Promise<void> => {
    if (state().agreed) return Promise.resolve()
    const listen = listener()
    if (listen === null) return Promise.reject(new Error(`${api} needs the privacy agreement and no onNeedPrivacyAuthorization listener is registered`))
    return new Promise((resolve, reject) => {
      setTimeout(() => {
        state().asked.push(api)
        listen(
          (answer) => {
            state().answers.push(answer)
            if (answer.event === 'agree' && answer.buttonId !== undefined && state().agreeTaps.includes(answer.buttonId)) {
              state().agreed = true
              resolve()
            } else if (answer.event === 'agree' || answer.event === 'disagree') {
              reject({ errMsg: `${api}:fail privacy permission is not authorized` })
            }
          },
          { referrer: api },
        )
      }, 0)
    })
  }
}

/** A wx API that WeChat holds behind the privacy agreement: `call` runs only once the guard lets it. */
export function guarded<O extends Callbacks>(guard: (api: string) => Promise<void>, api: string, call: (options: O) => unknown) {
  return (options: O): Promise<object> | undefined => {
    const { success, fail, complete } = options
    const result = guard(api).then(
      () => new Promise<object>((resolve, reject) => void call({ ...options, success: resolve, fail: reject, complete: undefined })),
    )
    if (!success && !fail && !complete) return result
    result.then(
      (res) => (success?.(res), complete?.(res)),
      (res: object) => (fail?.(res), complete?.(res)),
    )
    return undefined
  }
}
