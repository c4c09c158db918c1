// How far a setup got, kept in the store so that a setup killed midway (an instance at its function
// timeout) is continued by the next call instead of leaving half a demo behind (setup.ts).

export interface SetupProgress {
  /** The demo being loaded or loaded: what a continuation needs to load the same data again. */
  demo: {
    state: 'loading' | 'loaded'
    /** The `now` the demo was generated for (its months), ISO. */
    at: string
    /** A random secret the demo's visit codes derive from, so a continuation makes the same ones. */
    visitCodeSeed: string
  }
}

/** Where the cloud keeps the progress (CloudBase: `settings/setup`); a store that loads atomically has none. */
export interface SetupProgressStore {
  get(): Promise<SetupProgress | null>
  save(progress: SetupProgress): Promise<void>
}
