// The browser test needs Debian's chromium and a Chinese font. Install them when we can
// (root with apt-get); otherwise stop and say exactly what to run.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

export const CHROMIUM = '/usr/bin/chromium'
export const INSTALL_COMMAND = 'apt-get update && apt-get install -y chromium fonts-wqy-microhei'
const FONT_FILE = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'

export function missingBrowserPrerequisites() {
  const missing = []
  if (!existsSync(CHROMIUM)) missing.push('chromium')
  if (!existsSync(FONT_FILE)) missing.push('fonts-wqy-microhei')
  return missing
}

export function ensureBrowserPrerequisites() {
  const missing = missingBrowserPrerequisites()
  if (missing.length === 0) return
  const canInstall = process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0
  if (!canInstall) {
    console.error(`浏览器测试需要 ${missing.join('、')}，请先运行：\n  sudo sh -c '${INSTALL_COMMAND}'`)
    process.exit(1)
  }
  console.log(`▶ installing ${missing.join(', ')}: ${INSTALL_COMMAND}`)
  const r = spawnSync('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${INSTALL_COMMAND}`], { stdio: 'inherit' })
  if (r.status !== 0 || missingBrowserPrerequisites().length > 0) {
    console.error(`安装失败，请手动运行：\n  ${INSTALL_COMMAND}`)
    process.exit(1)
  }
}
