// Compare-and-set races on one document (a rating, a person's month, an exclusion): the loser reads again
// and retries after a pause; this is the pause, shared by every such loop of the cloud code.

/**
 * The pause after losing a compare-and-set race: drawn at random up to the losing attempt's own duration
 * (its read and its write: the window in which writers of one record collide) times a factor that
 * doubles with each loss up to 16, and never over 1 s. Pauses spanning several windows spread the
 * writers out, whatever a request takes: one rater's 200 taps at once over 10 instances at 10-20 ms a
 * request all land (test/cloud/exactlyOnce.test.ts); pauses of a few ms kept them colliding.
 */
export function afterLostRace(attempt: number, attemptMs: number): Promise<void> {
  const bound = Math.min(1000, Math.max(8, attemptMs) * 2 ** Math.min(attempt - 1, 4))
  return new Promise((resolve) => setTimeout(resolve, Math.random() * bound))
}
