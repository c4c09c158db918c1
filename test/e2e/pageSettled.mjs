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

// Taro's h5 router ends a navigation by timers, not at the slide: a push shades the page underneath 350 ms
// later (a timer nothing cancels), a back removes the page that slid out 300 ms later and then shows the one
// beneath. A back processed before a push's shade has fallen lets it fall on the page it returned to, which
// then stays hidden: a click on it waits for ever. This waits until the router holds what the last navigation
// leaves: on top, the page showing `text`, shown and stationed; every page under it shaded.
export async function routerSettled(page, text) {
  await page.waitForFunction(
    (text) => {
      const pages = [...document.querySelectorAll('.taro_router > .taro_page')]
      const top = pages[pages.length - 1]
      const has = (el, name) => el.classList.contains(name)
      return (
        top !== undefined &&
        has(top, 'taro_page_show') &&
        has(top, 'taro_page_stationed') &&
        !has(top, 'taro_page_shade') &&
        top.textContent.includes(text) &&
        pages.slice(0, -1).every((el) => has(el, 'taro_page_shade'))
      )
    },
    text,
    { timeout: 15000 },
  )
}
