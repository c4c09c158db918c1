// A report is CPU work between reads, and locally the reads are synchronous (SQLite): without a pause, a
// report runs from its first read to its reply in one go, and 20 reports arriving together hold every
// request behind them (a resident's worker.card) for all of their time. So a report pauses between its
// stages and lets the event loop read and answer what came in meanwhile. In the cloud an instance serves
// one invocation at a time; the pause costs nothing there.
export function letOthersIn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
