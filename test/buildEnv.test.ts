// A deployer on Windows builds with a .env.production file rather than `VAR=value npm run …` (README,
// deploy step 1): Taro's CLI reads .env.<mode> before the config, and the example file lists exactly the
// variables config/index.ts passes to the mini-program.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { dotenvParse } from '@tarojs/helper'

const ROOT = path.join(__dirname, '..')
const configKeys = [...readFileSync(path.join(ROOT, 'config/index.ts'), 'utf8').matchAll(/^\s+(TARO_APP_[A-Z_]+):/gm)].map((match) => match[1])
const exampleKeys = [...readFileSync(path.join(ROOT, '.env.production.example'), 'utf8').matchAll(/^(TARO_APP_[A-Z_]+)=/gm)].map((match) => match[1])

it('lists in .env.production.example every variable the build passes to the mini-program', () => {
  expect(configKeys.sort()).toEqual(['TARO_APP_CLOUD_ENV', 'TARO_APP_SUBSCRIBE_TEMPLATE_ID'])
  expect(exampleKeys.sort()).toEqual(configKeys)
})

it('reads a filled-in .env.production in a production build, as `taro build --type weapp` does', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'env-'))
  copyFileSync(path.join(ROOT, '.env.production.example'), path.join(dir, '.env.production'))
  writeFileSync(path.join(dir, '.env.production'), readFileSync(path.join(dir, '.env.production'), 'utf8').replace('TARO_APP_CLOUD_ENV=', 'TARO_APP_CLOUD_ENV=prod-3456-4g1'))
  const saved = { ...process.env }
  try {
    expect(dotenvParse(dir, undefined, 'production')).toEqual({ TARO_APP_CLOUD_ENV: 'prod-3456-4g1', TARO_APP_SUBSCRIBE_TEMPLATE_ID: '' })
    // A development build (`npm run dev:weapp`) does not read the production file.
    expect(dotenvParse(dir, undefined, 'development')).toEqual({})
  } finally {
    process.env = saved
  }
})
