// Taro's h5 router slides a new page in: a screenshot or a measurement taken during the slide catches
// the page half off screen. This waits until the page showing `text` sits at the left edge.
export async function pageSettled(page, text) {
  await page.waitForFunction(
    (text) => {
      const screen = [...document.querySelectorAll('.screen')].find((el) => el.getClientRects().length > 0 && el.textContent.includes(text))
      return screen !== undefined && Math.abs(screen.getBoundingClientRect().left) < 0.5
    },
    text,
    { timeout: 15000 },
  )
}
