import type { ChildProcess } from 'node:child_process'

export interface RuntimeProcess {
  child: ChildProcess
  /** The address it serves at, once it printed LISTENING. */
  url: Promise<string>
  /** Its exit code (null when a signal ended it). */
  exited: Promise<number | null>
  /** Everything it printed so far, stdout and stderr. */
  output(): string
}

export function spawnRuntime(root: string, env: Record<string, string>, timeoutMs: number): RuntimeProcess
