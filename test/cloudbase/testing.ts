// Small helpers for the emulator's tests (no jest API, so the benchmark may use them too).
import type { SdkError } from './sdkSurface'

/** The error a promise rejects with; throws when it resolves instead. */
export async function rejectionOf(promise: Promise<unknown>): Promise<SdkError & { code?: unknown }> {
  let value: unknown
  try {
    value = await promise
  } catch (error) {
    return error as SdkError & { code?: unknown }
  }
  throw new Error(`expected a rejection, got ${JSON.stringify(value)}`)
}

/** Whether the promise has settled after `ms` of real time (the emulator answers within a few macrotasks). */
export async function settledWithin(promise: Promise<unknown>, ms = 30): Promise<boolean> {
  let settled = false
  promise.then(
    () => void (settled = true),
    () => void (settled = true),
  )
  await new Promise((resolve) => setTimeout(resolve, ms))
  return settled
}

export function idsOf(docs: ReadonlyArray<{ _id: string }>): string[] {
  return docs.map((doc) => doc._id)
}
