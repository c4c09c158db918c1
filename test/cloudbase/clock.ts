// Time as the emulator sees it: only transaction timeouts depend on it. The real clock uses real
// timers; a ManualClock lets a test jump past a timeout without waiting for it.

export interface TimerHandle {
  cancel(): void
}

export interface EmulatorClock {
  now(): number
  /** Runs `fire` once, `ms` from now (by this clock). */
  schedule(ms: number, fire: () => void): TimerHandle
}

export const realClock: EmulatorClock = {
  now: () => Date.now(),
  schedule(ms, fire) {
    const timer = setTimeout(fire, ms)
    // A pending transaction timeout must not keep a test process or a benchmark alive.
    timer.unref()
    return { cancel: () => clearTimeout(timer) }
  },
}

interface PendingTimer {
  at: number
  order: number
  fire: () => void
  cancelled: boolean
}

/** A clock that moves only when told to; `advance` fires every timer that falls due, in time order. */
export class ManualClock implements EmulatorClock {
  private current: number
  private order = 0
  private pending: PendingTimer[] = []

  constructor(start = Date.UTC(2026, 2, 20, 2)) {
    this.current = start
  }

  now(): number {
    return this.current
  }

  schedule(ms: number, fire: () => void): TimerHandle {
    const timer: PendingTimer = { at: this.current + Math.max(0, ms), order: this.order++, fire, cancelled: false }
    this.pending.push(timer)
    return { cancel: () => void (timer.cancelled = true) }
  }

  advance(ms: number): void {
    const target = this.current + ms
    for (;;) {
      const due = this.pending
        .filter((timer) => !timer.cancelled && timer.at <= target)
        .sort((a, b) => a.at - b.at || a.order - b.order)[0]
      if (due === undefined) break
      this.current = due.at
      due.cancelled = true
      due.fire()
    }
    this.pending = this.pending.filter((timer) => !timer.cancelled)
    this.current = target
  }
}
