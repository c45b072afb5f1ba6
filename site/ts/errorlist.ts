// The errors of a paste that holds several (a log with many failures): one
// compact row per distinct error, in paste order, with its line, provider,
// code, category, retry verdict and how often it appears. A row opens to
// that error's own diagnosis, drawn when it is first opened, with the link
// to its reference page. Rows are drawn ERRORS_STEP at a time behind a
// "Show more" button, so a log with thousands of errors costs the page no
// more than a hundred rows until someone asks for the rest.
import { type Diagnosis, type RenderContext, retryWord } from './diagnosis'
import { retry } from './gen/wording'
import { button, el, group } from './dom'

/** Rows drawn at first and per "Show more". */
export const ERRORS_STEP = 100

/** The list, or null when the paste holds one error (or the classifier does not list them). */
export function errorList(d: Diagnosis, ctx: RenderContext, open: (e: Diagnosis, i: number) => Node): HTMLElement | null {
  const all = d.errors ?? []
  if (all.length < 2) return null
  const primary = primaryIndex(d, all)
  const ol = el('ol', 'dx-error-list')
  const more = button('')
  more.classList.add('dx-more-errors')
  let shown = 0
  const showMore = () => {
    const from = shown
    shown = Math.min(all.length, shown + ERRORS_STEP)
    const rows = document.createDocumentFragment()
    for (let i = from; i < shown; i++) rows.append(errorRow(all[i], i === primary, ctx, () => open(all[i], i)))
    ol.append(rows)
    const left = all.length - shown
    more.hidden = left === 0
    more.textContent = `Show ${group(Math.min(ERRORS_STEP, left))} more (${group(left)} not shown yet)`
    return from
  }
  showMore()
  more.addEventListener('click', () => {
    const first = showMore()
    ol.children[first]?.querySelector('summary')?.focus() // keyboard users land on the first new row
  })
  return el('section', 'dx-errors',
    el('h3', '', `Errors in the paste (${group(all.length)})`),
    el('p', 'meta', 'Every distinct error, in paste order. The one diagnosed above is marked; open a row for its diagnosis and reference.'),
    ol, more)
}

/** Which entry of errors the top level is: the first with its line, provider, code and category. */
function primaryIndex(d: Diagnosis, all: Diagnosis[]): number {
  return all.findIndex((e) => (e.line ?? null) === (d.line ?? null) && e.provider === d.provider && e.code === d.code && e.category === d.category)
}

/** A code in a row: rows are one line, so a long code is cut (its row opens to the whole). */
function shortCode(c: string): string {
  return c.length > 60 ? c.slice(0, 59) + '…' : c
}

function errorRow(e: Diagnosis, primary: boolean, ctx: RenderContext, open: () => Node): HTMLElement {
  const verdict = retryWord(e.retry.retryable)
  const n = e.occurrences ?? 1
  const summary = el('summary', 'dx-error-row',
    el('span', 'dx-e-line', typeof e.line === 'number' ? `line ${group(e.line)}` : 'line unknown'), ', ',
    el('span', 'dx-e-provider', e.provider ? (ctx.names.get(e.provider) ?? e.provider) : 'provider unknown'), ', ',
    el('code', 'dx-e-code', e.code !== null ? shortCode(e.code) : 'no code'), ', ',
    el('span', 'dx-e-category', e.category), ', ',
    el('span', `verdict verdict-${verdict}`, `${retry} ${verdict}`),
    n > 1 && el('span', 'dx-e-count', `, ${group(n)} times`),
    primary && el('span', 'dx-e-primary', ' (diagnosed above)'))
  const details = el('details', 'dx-error', summary)
  details.addEventListener('toggle', () => {
    if (details.open && details.childElementCount === 1) details.append(el('div', 'dx-error-body', open()))
  })
  return el('li', primary ? 'dx-error-primary' : '', details)
}
