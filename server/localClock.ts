// The local runtime's clock. LOCAL_NOW (an ISO moment) starts it at that moment and lets it run on, so the
// rules that turn when a month ends (a worker's results, the appeal window) can be tried and tested in a
// browser without waiting for one. Unset: the real clock. The cloud function always reads its own time.
export function localClock(setting: string | undefined): () => Date {
  if (setting === undefined || setting === '') return () => new Date()
  const start = Date.parse(setting)
  if (Number.isNaN(start)) throw new Error(`LOCAL_NOW 不是有效的时间（${setting}），应为 2026-12-01T02:00:00Z 这样的形式`)
  const offset = start - Date.now()
  return () => new Date(Date.now() + offset)
}
