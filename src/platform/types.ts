// The surface every platform implements (api.*.ts, device.*.ts); pages never branch on the platform.
import type { ActionName, PayloadInputOf, ResultOf } from '../core/contract'
import type { DevIdentity } from '../core/types'
import type { ScanTarget } from './scene'

export type CallApi = <A extends ActionName>(action: A, payload: PayloadInputOf<A>) => Promise<ResultOf<A>>

export type ScanResult =
  | { ok: true; target: ScanTarget }
  | { ok: false; reason: 'cancelled' | 'not-a-worker-code' | 'failed' }

export interface DeviceApi {
  /** The platform has a camera scanner for WeChat codes. */
  readonly canScan: boolean
  /** WeChat's 客服 chat opens from a button of open-type contact; a browser has none. */
  readonly canContactService: boolean
  /** Running against the local runtime, where the caller picks a demo identity. */
  readonly isLocalRuntime: boolean
  /** Scans one of our codes: a worker's, a visit's feedback code or an invite. */
  scanCode(): Promise<ScanResult>
  /** The demo identity sent as `X-Openid` to the local runtime; always null in the mini-program. */
  getDevIdentity(): DevIdentity | null
  setDevIdentity(identity: DevIdentity | null): void
  /** WeChat's font size setting as a factor of the standard size (1 = standard). */
  fontScale(): number
  /** Offers to call `phoneNumber` (WeChat's makePhoneCall; in a browser a tel: link). Cancelling is no error. */
  makePhoneCall(phoneNumber: string): void
}
