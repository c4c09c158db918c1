// One rendered page of the weapp build, seen the way a user sees it: its text, the elements that carry
// a text or a class, taps and typing. Queries walk the DOM exparser renders (shadow trees included,
// so Taro's recursive `comp` components are searched too); events go to the exparser node behind an
// element through j-component's dispatchEvent, and bubble to the `bindtap="eh"` Taro put there.
import type { RenderedComponent } from './environment'

export type TextMatcher = string | RegExp

/** `.a.b .c`: classes as written in the source (without the `main--` prefix exparser adds), descendants by space. */
export type ClassSelector = string

export type Target = TextMatcher | { selector: ClassSelector; index?: number } | Element

/** How long waitFor keeps retrying before it fails with what the page shows. */
export const WAIT_MS = 5000

/** exparser prefixes a component's classes with its tag name: `main` for the page, `comp` for Taro's recursion. */
const CLASS_PREFIX = /^(main|comp|custom-wrapper)--/

export const normalize = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim()

const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

export class WeappPage {
  constructor(
    readonly route: string,
    readonly component: RenderedComponent,
    private readonly onClose: () => void,
    /** WeChat records which agree button (open-type agreePrivacyAuthorization) was tapped, by its id. */
    private readonly onAgreePrivacy: (buttonId: string) => void = () => undefined,
  ) {}

  /** All text of the page, whitespace collapsed. */
  text(): string {
    return normalize(this.component.dom.textContent)
  }

  has(text: TextMatcher): boolean {
    return matches(this.text(), text, false)
  }

  /** The innermost elements whose whole text is `text` (a string matches exactly, a RegExp by test). */
  findByText(text: TextMatcher): Element[] {
    const hits = this.elements().filter((el) => matches(normalize(el.textContent), text, true))
    return hits.filter((el) => !hits.some((other) => other !== el && el.contains(other)))
  }

  /** Elements matching a class selector, in document order. */
  all(selector: ClassSelector): Element[] {
    const compounds = selector.trim().split(/\s+/).map(parseCompound)
    return this.elements().filter((el) => matchesChain(el, compounds))
  }

  /** The text of each element matching a class selector. */
  textsOf(selector: ClassSelector): string[] {
    return this.all(selector).map((el) => normalize(el.textContent))
  }

  /**
   * An attribute as WeChat's template bound it on a native component (what the user's WeChat gets):
   * e.g. a textarea's `value`, `placeholder` or `maxlength`. Undefined when the template binds none.
   */
  async attr(target: Target, name: string): Promise<unknown> {
    const node = exparserNodeOf(await this.resolve(target)) as { _vt?: { attrs?: { name: string; value: unknown }[] } }
    return node._vt?.attrs?.find((attr) => attr.name === name)?.value
  }

  /** Taps an element named by its text, a class selector, or given, once it is there; resolves once dispatched. */
  async tap(target: Target): Promise<void> {
    await this.dispatch(await this.resolve(target), 'tap', { x: 0, y: 0 })
  }

  /**
   * Taps a button of open-type agreePrivacyAuthorization: WeChat fires its agreeprivacyauthorization event
   * and remembers the button's id, which the mini-program's resolve must then name.
   */
  async agreePrivacy(target: Target): Promise<void> {
    const button = await this.resolve(target)
    if ((await this.attr(button, 'openType')) !== 'agreePrivacyAuthorization') throw new Error(`${this.route}: not an agreePrivacyAuthorization button`)
    this.onAgreePrivacy(String(await this.attr(button, 'id')))
    await this.dispatch(button, 'agreeprivacyauthorization', {})
  }

  /** Types into an input or textarea: WeChat's `input` event carrying the field's whole new value. */
  async input(target: Target, value: string): Promise<void> {
    await this.dispatch(await this.resolve(target), 'input', { value, cursor: value.length, keyCode: 0 })
  }

  /** Picks row `index` of a selector picker (wx `<picker mode="selector">`): its `change` event, as WeChat sends it. */
  async pick(target: Target, index: number): Promise<void> {
    await this.dispatch(await this.resolve(target), 'change', { value: index })
  }

  /** Retries `probe` until it returns something truthy; fails with what the page shows. */
  async waitFor<T>(probe: () => T | null | undefined | false, what: string | (() => string), timeoutMs = WAIT_MS): Promise<T> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const found = probe()
      if (found) return found
      if (Date.now() > deadline) {
        const wanted = typeof what === 'string' ? what : what()
        throw new Error(`${this.route}: waited ${timeoutMs} ms for ${wanted}; the page shows: «${this.text()}»`)
      }
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
  }

  async waitForText(text: TextMatcher, timeoutMs?: number): Promise<void> {
    await this.waitFor(() => this.has(text), `text ${String(text)}`, timeoutMs)
  }

  async waitForNoText(text: TextMatcher, timeoutMs?: number): Promise<void> {
    await this.waitFor(() => !this.has(text), `no text ${String(text)}`, timeoutMs)
  }

  /** onUnload, then detach: Taro unmounts the page's React tree. */
  close(): void {
    this.onClose()
  }

  private elements(): Element[] {
    return Array.from(this.component.dom.querySelectorAll('*'))
  }

  /** The one element a target names, waiting for it to be rendered. */
  private async resolve(target: Target): Promise<Element> {
    if (isElement(target)) return target
    let problem = ''
    return this.waitFor(() => {
      if (typeof target === 'object' && !(target instanceof RegExp)) {
        const found = this.all(target.selector)
        problem = `${found.length} elements ${target.selector}, wanted [${target.index ?? 0}]`
        return found[target.index ?? 0]
      }
      const found = this.findByText(target)
      problem = `${found.length} elements reading ${String(target)}, wanted exactly 1`
      return found.length === 1 ? found[0] : undefined
    }, () => `an element to act on (${problem})`)
  }

  private async dispatch(el: Element, name: 'tap' | 'input' | 'change' | 'agreeprivacyauthorization', detail: object): Promise<void> {
    wrapperOf(this.component, el).dispatchEvent(name, { detail })
    await macrotask()
  }
}

function matches(text: string, matcher: TextMatcher, whole: boolean): boolean {
  if (matcher instanceof RegExp) return matcher.test(text)
  return whole ? text === matcher : text.includes(matcher)
}

function isElement(target: Target): target is Element {
  return typeof target === 'object' && 'nodeType' in target
}

interface Compound {
  tag: string | null
  classes: string[]
}

function parseCompound(token: string): Compound {
  const [tag, ...classes] = token.split('.')
  return { tag: tag === '' ? null : tag.toLowerCase(), classes }
}

function matchesCompound(el: Element, { tag, classes }: Compound): boolean {
  if (tag !== null && el.tagName.toLowerCase() !== tag) return false
  const own = Array.from(el.classList, (name) => name.replace(CLASS_PREFIX, ''))
  return classes.every((name) => own.includes(name))
}

function matchesChain(el: Element, compounds: Compound[]): boolean {
  const last = compounds[compounds.length - 1]
  if (!last || !matchesCompound(el, last)) return false
  let rest = compounds.length - 2
  for (let up = el.parentElement; up !== null && rest >= 0; up = up.parentElement) {
    if (matchesCompound(up, compounds[rest])) rest -= 1
  }
  return rest < 0
}

/** exparser keeps its node on the DOM element it renders. */
function exparserNodeOf(el: Element): object {
  const node = (el as Element & { __wxElement?: object }).__wxElement
  if (node === undefined) throw new Error(`<${el.tagName.toLowerCase()}> has no exparser node`)
  return node
}

type Dispatcher = Pick<RenderedComponent, 'dispatchEvent'>

/**
 * j-component's Component for the exparser node behind a DOM element. Its class is not exported, but it
 * is the prototype j-component's RootComponent (what render returned) extends.
 */
function wrapperOf(root: RenderedComponent, el: Element): Dispatcher {
  const node = exparserNodeOf(el)
  const ComponentClass = Object.getPrototypeOf(Object.getPrototypeOf(root)).constructor as new (node: unknown) => Dispatcher
  return new ComponentClass(node)
}
