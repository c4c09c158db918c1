// What a clerk at a 1280 px desk needs of a page, measured in the browser: the page does not scroll
// sideways, its content keeps a width one can read across (at most 1240 px), its body text is at a
// desktop's size (14-20 px; a phone page drawn twice its size has 32 px and more), and every chip of a
// period or an action shows whole (none cut off at the edge of its row).
export const DESKTOP = { width: 1280, widest: 1240, text: { min: 14, max: 20 } }

/** The problems of the page shown now, in words; none when it reads well at a desk. */
export async function desktopProblems(page) {
  const measured = await page.evaluate(() => {
    const screen = [...document.querySelectorAll('.screen')].find((el) => el.getClientRects().length > 0)
    const style = getComputedStyle(screen)
    const box = screen.getBoundingClientRect()
    const content = { left: box.left + parseFloat(style.paddingLeft), right: box.right - parseFloat(style.paddingRight) }
    // Chips of a row that scrolls sideways on a phone (periods, the audit log's actions).
    const cutChips = [...screen.querySelectorAll('.period-chip, .audit-chip')]
      .filter((chip) => {
        const rect = chip.getBoundingClientRect()
        const row = chip.closest('taro-scroll-view-core')?.getBoundingClientRect() ?? box
        return rect.left < row.left - 0.5 || rect.right > row.right + 0.5 || rect.right > content.right + 0.5
      })
      .map((chip) => chip.textContent)
    return {
      scrollWidth: document.documentElement.scrollWidth,
      screenScroll: screen.scrollWidth - screen.clientWidth,
      contentWidth: Math.round(content.right - content.left),
      bodyText: parseFloat(style.fontSize),
      cutChips,
    }
  })
  const problems = []
  if (measured.scrollWidth > DESKTOP.width) problems.push(`scrolls sideways: ${measured.scrollWidth} px wide`)
  if (measured.screenScroll > 0) problems.push(`the page is ${measured.screenScroll} px wider than its window`)
  if (measured.contentWidth > DESKTOP.widest) problems.push(`content ${measured.contentWidth} px wide, over ${DESKTOP.widest}`)
  if (measured.bodyText < DESKTOP.text.min || measured.bodyText > DESKTOP.text.max) problems.push(`body text ${measured.bodyText} px`)
  if (measured.cutChips.length > 0) problems.push(`period chips cut off: ${measured.cutChips.join(' ')}`)
  return problems
}
