// BUREAU_OPENIDS: the deployer's list of the first bureau administrators (comma-separated openids), an
// environment variable of the function `api` in the cloud and of `npm start` locally.
export function bureauOpenidsOf(value: string | undefined): ReadonlySet<string> {
  return new Set((value ?? '').split(',').map((openid) => openid.trim()).filter((openid) => openid !== ''))
}
