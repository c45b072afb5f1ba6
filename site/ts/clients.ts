// The "What your client would do" table of the diagnosis panel: what each
// client's default retry rule (content/clients) does with the diagnosed
// error, from the diagnosis's clients key (wasm/classify clients.go). Code
// pages draw the same table from the same engine in Go (internal/site
// clients.go, the "client-table" template); the words here are theirs.
//
// Disagreements come first. Every verdict is written out, so the table
// reads without its colours. Client names and notes become text nodes.
import { el, link } from './dom'
import type { ClientVerdict } from './diagnosis'
import { clientVerdicts } from './gen/wording'

/** Sort order of the verdicts: disagreements first (internal/wording). */
const order = Object.fromEntries(clientVerdicts.map((v, i) => [v.key, i])) as Record<ClientVerdict['verdict'], number>

/** The verdicts in words (internal/wording, as the code pages write them). */
export const verdictLabels = Object.fromEntries(clientVerdicts.map((v) => [v.key, v.label])) as Record<ClientVerdict['verdict'], string>

/** The clients sorted for the table: disagreements first, then as the classifier lists them (by id). */
export function sortClients(cs: ClientVerdict[]): ClientVerdict[] {
  return cs.map((c, i) => ({ c, i })).sort((a, b) => (order[a.c.verdict] ?? 9) - (order[b.c.verdict] ?? 9) || a.i - b.i).map((x) => x.c)
}

/** A wait in a cell, as the code pages write it: "30 s", "0.5 s". */
function secondsShort(s: number): string {
  return `${+s.toFixed(3)} s`
}

/** Makes the URL of a client's page from its id, or null. */
export type ClientURL = (id: string) => string | null

function row(c: ClientVerdict, pageOf: ClientURL): HTMLTableRowElement {
  const href = pageOf(c.id)
  const th = el('th', '', href ? link(href, c.name) : c.name)
  th.scope = 'row'
  const retries = c.retries === true ? 'Yes' : c.retries === false ? 'No' : 'Depends'
  const first = c.wait_seconds !== null ? secondsShort(c.wait_seconds) : c.retries === true ? 'backoff' : '–'
  const verdict = el('span', `verdict verdict-${c.verdict}`, verdictLabels[c.verdict] ?? c.verdict)
  const tr = el('tr', '', th, el('td', '', verdict), el('td', '', retries), el('td', '', c.attempts !== null ? String(c.attempts) : '–'),
    el('td', '', first), el('td', 'client-backoff', c.backoff ?? '–'), el('td', 'client-note', c.note))
  tr.dataset.client = c.id
  tr.dataset.verdict = c.verdict
  return tr
}

/**
 * The table (id="clients", a row per client with data-client and
 * data-verdict), in its scrolling region, or null when the diagnosis has
 * no clients (no error, or an unrecognised paste).
 */
export function clientTable(clients: ClientVerdict[] | undefined, pageOf: ClientURL): HTMLElement | null {
  if (!clients || clients.length === 0) return null
  const label = 'What each client would do with this error'
  const head = el('tr')
  for (const h of ['Client', 'Verdict', 'Retries', 'Attempts', 'First wait', 'Backoff', 'Why']) {
    const th = el('th', '', h)
    th.scope = 'col'
    head.append(th)
  }
  const tbody = el('tbody')
  for (const c of sortClients(clients)) tbody.append(row(c, pageOf))
  const table = el('table', 'client-table', el('caption', 'visually-hidden', label), el('thead', '', head), tbody)
  table.id = 'clients'
  const wrap = el('div', 'table-wrap', table)
  wrap.setAttribute('role', 'region')
  wrap.setAttribute('aria-label', label)
  wrap.tabIndex = 0
  return wrap
}
