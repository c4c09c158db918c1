// Measurements for the elder-friendly checks of the browser test (DESIGN section 8, after the MIIT
// 适老化 spec and WeChat's 小程序适老化设计指南), taken in the page from what the browser computed:
// font sizes and line heights, touch-target boxes, WCAG contrast ratios, and anything that spills
// sideways or is cut off. Each function returns plain numbers; the test states the thresholds.

/** The rating page's main text: who the worker is, what they do, the question, the levels, the button. */
export const RATING_MAIN_TEXT = [
  '.rate__intro',
  '.worker-card__name',
  '.worker-card__post',
  '.worker-card__key',
  '.worker-card__value',
  '.worker-card__duties-title',
  '.worker-card__duty-text',
  '.section-title',
  '.level-choice__label',
  '.rating-form__submit .nut-button-children',
]

/** Computed font size and line height (CSS px) of every visible element matching the selectors. */
export function textMetrics(page, selectors) {
  return page.evaluate((selectors) => {
    const visible = (el) => el.getClientRects().length > 0
    return selectors.flatMap((selector) =>
      [...document.querySelectorAll(selector)].filter(visible).map((el) => {
        const style = getComputedStyle(el)
        const fontSize = parseFloat(style.fontSize)
        // `normal` has no number; browsers draw it at about 1.2 — below the 1.3 asked for, so count it so.
        const lineHeight = style.lineHeight === 'normal' ? fontSize * 1.2 : parseFloat(style.lineHeight)
        return { selector, text: el.textContent.trim().slice(0, 12), fontSize, lineHeight }
      }),
    )
  }, selectors)
}

/** Bounding boxes (CSS px) of the visible elements matching the selector. */
export function boxes(page, selector) {
  return page.evaluate((selector) => {
    return [...document.querySelectorAll(selector)]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => {
        const box = el.getBoundingClientRect()
        return { text: el.textContent.trim().slice(0, 12), width: box.width, height: box.height }
      })
  }, selector)
}

/** What each level choice exposes: its words, its ARIA role and state, and whether it looks chosen. */
export function levelChoiceStates(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.level-choice')].map((el) => ({
      label: el.querySelector('.level-choice__label')?.textContent.trim() ?? '',
      role: el.getAttribute('role'),
      ariaChecked: el.getAttribute('aria-checked'),
      chosenClass: el.classList.contains('level-choice--chosen'),
      group: el.parentElement?.getAttribute('role') ?? null,
    })),
  )
}

/**
 * WCAG 2 contrast ratio of each visible element's text colour against the background it is drawn on:
 * the first ancestor (or itself) with a non-transparent background, composited over the ones beneath
 * when translucent, over white at the bottom.
 */
export function contrastRatios(page, selector) {
  return page.evaluate((selector) => {
    const parse = (css) => {
      const m = /rgba?\(([^)]+)\)/.exec(css)
      if (!m) return [0, 0, 0, 0]
      const [r, g, b, a = '1'] = m[1].split(/[,\s/]+/).filter(Boolean)
      return [Number(r), Number(g), Number(b), Number(a)]
    }
    const over = (top, bottom) => {
      const a = top[3]
      return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1)
    }
    const backgroundOf = (el) => {
      const layers = []
      for (let node = el; node instanceof Element; node = node.parentElement) {
        const colour = parse(getComputedStyle(node).backgroundColor)
        if (colour[3] > 0) layers.push(colour)
        if (colour[3] >= 1) break
      }
      return layers.reduceRight((below, layer) => over(layer, below), [255, 255, 255, 1])
    }
    const luminance = ([r, g, b]) => {
      const lin = (c) => {
        const s = c / 255
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
      }
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }
    return [...document.querySelectorAll(selector)]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => {
        const background = backgroundOf(el)
        const ink = over(parse(getComputedStyle(el).color), background)
        const [hi, lo] = [luminance(ink), luminance(background)].sort((x, y) => y - x)
        return { text: el.textContent.trim().slice(0, 12), ratio: (hi + 0.05) / (lo + 0.05) }
      })
  }, selector)
}

/**
 * Whether the page still fits a phone: the document's and the page's scroll widths against the
 * viewport, elements drawn past the right edge, and text elements whose content is wider or taller
 * than their box (cut off, or spilling out of it).
 */
export function fitReport(page, textSelectors) {
  return page.evaluate((textSelectors) => {
    const viewport = document.documentElement.clientWidth
    const screen = [...document.querySelectorAll('.screen')].find((el) => el.getClientRects().length > 0)
    const scrollers = []
    for (let node = screen; node instanceof Element; node = node.parentElement) scrollers.push(node)
    const widest = Math.max(document.scrollingElement.scrollWidth, ...scrollers.map((el) => el.scrollWidth))
    const pastEdge = [...(screen?.querySelectorAll('*') ?? [])]
      .filter((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().right > viewport + 0.5)
      .map((el) => el.className || el.tagName)
    const cutOff = textSelectors.flatMap((selector) =>
      [...document.querySelectorAll(selector)]
        .filter((el) => el.getClientRects().length > 0)
        .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
        .map((el) => `${selector} “${el.textContent.trim().slice(0, 12)}” ${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight}`),
    )
    return { viewport, documentScrollWidth: document.scrollingElement.scrollWidth, widest, pastEdge, cutOff }
  }, textSelectors)
}
