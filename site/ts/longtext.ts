// Long values. A field of a 5 MB paste can be one 5 MB string; drawn whole
// into the panel it would keep the browser busy laying it out for minutes.
// So every value from the paste is drawn by longText: whole when it is
// short, otherwise its first SHOW_CHARS characters, how many more there
// are, and a "Show all" button. That opens the value in a read-only text
// box, whole when it is up to PAGE_CHARS characters, else a page of
// PAGE_CHARS at a time with Previous and Next (a page lays out in
// milliseconds, where the whole of a 5 MB value would stall the page for
// seconds) and a button that copies the whole value. The focus moves to
// the box. Text only ever becomes DOM text or a textarea's value.
import { button, el, group } from './dom'

/** How many characters of a long value are shown before "Show all". */
export const SHOW_CHARS = 300

/** Values up to this length are shown whole: shortening would save less than it costs to read. */
const SHORT_ENOUGH = SHOW_CHARS + 60

/** Where to cut s near n without splitting a surrogate pair. */
export function cutAt(s: string, n: number): number {
  const c = s.charCodeAt(n - 1)
  return c >= 0xd800 && c <= 0xdbff ? n - 1 : n
}

/** Characters of a long value per page of its whole view. */
export const PAGE_CHARS = 100_000

/**
 * A value as text: whole in a <code> (or plain text) when short, else
 * shortened with a control to see it whole. label names the value for
 * assistive technology ("Value of error.message").
 */
export function longText(value: string, label: string, asCode = true): Node {
  if (value.length <= SHORT_ENOUGH) return asCode ? el('code', '', value) : document.createTextNode(value)
  const cut = cutAt(value, SHOW_CHARS)
  const more = value.length - cut
  const head = el(asCode ? 'code' : 'span', '', value.slice(0, cut))
  const show = button('Show all')
  show.setAttribute('aria-label', `Show all of ${label} (${group(more)} more characters)`)
  const box = el('span', 'dx-long', head, el('span', 'dx-more', `… (${group(more)} more characters)`), ' ', show)
  box.dataset.length = String(value.length)
  show.addEventListener('click', () => showWhole(box, value, label))
  return box
}

/** Replaces a shortened value by the whole of it in a read-only text box, paged when it is long. */
function showWhole(box: HTMLElement, value: string, label: string): void {
  const area = el('textarea', 'dx-whole')
  area.readOnly = true
  area.spellcheck = false
  area.rows = 8
  area.setAttribute('aria-label', `${label}, whole`)
  box.classList.add('dx-long-open')
  if (value.length <= PAGE_CHARS) {
    area.value = value
    box.replaceChildren(area)
  } else {
    box.replaceChildren(area, pager(area, value, label))
  }
  area.focus()
  area.setSelectionRange(0, 0)
}

/** Previous, Next, where the page is, and Copy: the controls of a paged value. */
function pager(area: HTMLTextAreaElement, value: string, label: string): HTMLElement {
  const pages = Math.ceil(value.length / PAGE_CHARS)
  const bound = (p: number) => (p <= 0 ? 0 : p >= pages ? value.length : cutAt(value, p * PAGE_CHARS))
  const where = el('span', 'dx-page')
  where.setAttribute('aria-live', 'polite')
  const prev = button('Previous')
  const next = button('Next')
  const copy = button('Copy the whole value')
  const copied = el('span', 'dx-copied')
  copied.setAttribute('role', 'status')
  prev.setAttribute('aria-label', `Previous page of ${label}`)
  next.setAttribute('aria-label', `Next page of ${label}`)
  let page = 0
  const show = (p: number) => {
    page = p
    const from = bound(p)
    const to = bound(p + 1)
    area.value = value.slice(from, to)
    area.scrollTop = 0
    where.textContent = `Characters ${group(from + 1)} to ${group(to)} of ${group(value.length)}`
    prev.disabled = p === 0
    next.disabled = p === pages - 1
  }
  prev.addEventListener('click', () => show(page - 1))
  next.addEventListener('click', () => show(page + 1))
  copy.addEventListener('click', () => void copyWhole(value, copied))
  show(0)
  return el('span', 'dx-pager', where, ' ', prev, ' ', next, ' ', copy, ' ', copied)
}

async function copyWhole(value: string, status: HTMLElement): Promise<void> {
  try {
    if (!navigator.clipboard) throw new Error('no clipboard')
    await navigator.clipboard.writeText(value)
    status.textContent = `Copied ${group(value.length)} characters.`
  } catch {
    status.textContent = 'The clipboard is not available here; copy page by page.'
  }
}
