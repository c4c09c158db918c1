// The local runtime's uploads (server/localFiles.ts): an upload is read back by its uploader only, each
// uploader keeps at most 20 MB, and the sweep removes uploads and generated files older than 24 hours.
import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { FILE_LIFETIME_MS, UPLOAD_QUOTA_BYTES, localFiles } from '../server/localFiles'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'community-3456-localfiles-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** Every file under `root`, as paths relative to it. */
function filesUnder(root: string, inside = ''): string[] {
  return readdirSync(path.join(root, inside), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(root, path.join(inside, entry.name)) : [path.join(inside, entry.name)],
  )
}

it('reads an upload for its uploader; another caller is refused (403) and an unknown id is NOT_FOUND', async () => {
  const files = localFiles(dir)
  const fileId = await files.upload(Buffer.from('roster'), 'o-a')
  expect(fileId).toMatch(/^upload-[0-9a-f]{32}$/)
  expect((await files.read(fileId as string, 'o-a')).toString()).toBe('roster')
  await expect(files.read(fileId as string, 'o-b')).rejects.toMatchObject({ code: 'FORBIDDEN' })
  await expect(files.read(`upload-${'0'.repeat(32)}`, 'o-a')).rejects.toMatchObject({ code: 'NOT_FOUND' })
})

it('keeps 20 MB per uploader: 12 MB and 8 MB fit, one more byte does not, another uploader still can', async () => {
  const files = localFiles(dir)
  const MB = 1024 * 1024
  expect(UPLOAD_QUOTA_BYTES).toBe(20 * MB)
  expect(await files.upload(Buffer.alloc(12 * MB), 'o-a')).toMatch(/^upload-/)
  // Two at once: 8 MB fits, and the byte sent with it does not (bytes being written count).
  const [eight, oneMore] = await Promise.all([files.upload(Buffer.alloc(8 * MB), 'o-a'), files.upload(Buffer.alloc(1), 'o-a')])
  expect(eight).toMatch(/^upload-/)
  expect(oneMore).toBe('quota')
  expect(files.hasRoom('o-a')).toBe(false)
  expect(await files.upload(Buffer.alloc(1), 'o-b')).toMatch(/^upload-/)
})

it('removes uploads and generated files written more than 24 hours ago, and only those', async () => {
  const files = localFiles(dir)
  const now = Date.now()
  const old = (await files.upload(Buffer.from('old'), 'o-a')) as string
  const fresh = (await files.upload(Buffer.from('fresh'), 'o-a')) as string
  const { url } = await files.write('报表.xlsx', Buffer.from('xlsx'))
  const ageBy = (file: string, ms: number) => utimesSync(file, new Date(now - ms), new Date(now - ms))
  for (const file of filesUnder(dir)) {
    const full = path.join(dir, file)
    if (file.includes(old) || file.includes('downloads')) ageBy(full, FILE_LIFETIME_MS + 60_000)
    else ageBy(full, FILE_LIFETIME_MS - 60_000)
  }
  expect(files.removeExpired(new Date(now - FILE_LIFETIME_MS))).toBe(2)
  await expect(files.read(old, 'o-a')).rejects.toMatchObject({ code: 'NOT_FOUND' })
  expect((await files.read(fresh, 'o-a')).toString()).toBe('fresh')
  expect(filesUnder(path.join(dir, 'downloads'))).toEqual([])
  expect(existsSync(path.join(dir, 'downloads', url.split('/')[2] ?? ''))).toBe(true)
})
