// The diagnosis panel. A Diagnosis is the object the classifier returns:
// the JSON of Diagnosis.JSON in wasm/classify (documented in its package
// doc), the same the CLI's `errdex diagnose --json` prints.
//
// Everything here is built with createElement and textContent: text that
// came from the paste (codes, messages, field values, request ids) only
// ever becomes DOM text nodes, and long values are shortened (longtext.ts).
// The one URL made from the diagnosis is its reference, a site path, and it
// is checked to stay under the site's base.
//
// A paste may hold several errors. The classifier then lists them all in
// errors (paste order, the primary one among them); each is drawn as a
// compact row that opens to its own diagnosis, a hundred rows at a time.
// Those keys are newer than the rest: a diagnosis without them is drawn as
// before.
import { type Child, code, el, group, link } from './dom'
import { longText } from './longtext'
import { errorList } from './errorlist'
import { clientTable } from './clients'
import { after, hours, minutes, seconds, type VerdictKey, verdicts, wait } from './gen/wording'

export interface Candidate {
  provider: string
  confidence: number
  evidence: string[]
}

export interface Field {
  path: string
  value: string
  role: string
}

export interface Diagnosis {
  provider: string | null
  provider_name: string | null
  confidence: number
  candidates: Candidate[]
  evidence: string[]
  form: string
  status: number | null
  code: string | null
  message: string | null
  request_id: string | null
  category: string
  variant: string | null
  mid_stream: boolean
  partial_output: boolean
  truncated: boolean
  retry: { retryable: boolean | null; wait_seconds: number | null; reason: string }
  /** What each client's default retry rule does with this error (content/clients); empty when there is no error. */
  clients: ClientVerdict[]
  title: string
  explanation: string
  fix: string[]
  reference: string | null
  redactions: { kind: string; where: string }[]
  fields: Field[]
  notes: string[]
  /** The whole paste with secrets masked; absent on the entries of errors. */
  redacted_input?: string
  /** 1-based line of the paste where this error starts, when known. */
  line?: number | null
  /** How many times this same error appears in the paste. */
  occurrences?: number
  /** Every distinct error of the paste, in paste order (top level only). */
  errors?: Diagnosis[]
  /** The inner error a catalog wrapper carried, when it decides the category. */
  root_cause?: RootCause | null
  /** The category of the wrapper's own code, when a root cause overrides it. */
  code_category?: string | null
}

/** One client's default retry rule applied to the error (wasm/classify clients.go). */
export interface ClientVerdict {
  id: string
  name: string
  /** null: it depends on something the paste does not show. */
  retries: boolean | null
  /** Requests sent in all; null when retries is null. */
  attempts: number | null
  /** The first wait, when the paste fixes it; null for random backoff. */
  wait_seconds: number | null
  /** The waits in words ("0.5, 1 s, jittered"); null when it does not retry. */
  backoff: string | null
  verdict: 'agrees' | 'wastes' | 'gives_up' | 'unknown'
  note: string
}

/** The upstream error inside a wrapper (e.g. Cline's stream_initialization_failed). */
export interface RootCause {
  where: string
  provider: string | null
  code: string | null
  status: number | null
  message: string | null
  category: string
}

/** Words for the input forms. */
const forms: Record<string, string> = {
  json: 'a JSON body',
  'curl-i': 'curl -i output',
  'curl-v': 'curl -v output',
  sse: 'a server-sent event stream',
  sdk: 'an SDK exception',
  agent: "a coding agent's or IDE's message",
  log: 'a log line',
  har: 'a HAR file',
  text: 'plain text',
  empty: 'nothing (the box is empty)',
  binary: 'binary data',
}

/** The site: where references point. */
export interface SiteURLs {
  base: string // root-relative URL of the site root, "/errdex/"
  siteURL: string // absolute URL of the site root, "https://errdex.github.io/errdex/"
}

/**
 * refURL makes the URL of a site path (a Diagnosis reference), relative to
 * root; it returns null for anything that is not a plain site path.
 */
export function refURL(root: string, ref: string | null, fragment = ''): string | null {
  if (!ref || !/^[a-z0-9][a-z0-9_.\-/]*$/i.test(ref) || ref.includes('..') || ref.includes('//')) return null
  return root + ref + fragment
}

/** The provider's page: the first segment of a reference or the provider id. */
function providerPath(d: Diagnosis): string | null {
  return d.provider ? d.provider + '/' : null
}

/** Whether a reference is a code's page: "<provider>/<slug>/". */
function isCodePage(ref: string | null): boolean {
  return !!ref && !ref.startsWith('categories/') && ref.split('/').filter(Boolean).length === 2
}

/** The URL that explains a field of the response, or null. */
export function fieldURL(d: Diagnosis, f: Field, urls: SiteURLs): string | null {
  if (f.role === 'code' && isCodePage(d.reference)) return refURL(urls.base, d.reference)
  const p = providerPath(d)
  if (p) return refURL(urls.base, p, '#error-format')
  if (f.role === 'code' || f.role === 'status') return refURL(urls.base, d.reference)
  return null
}

/** The verdict's key (site/ts/gen/wording.ts): its short word, CSS class and data value. */
export function retryWord(r: boolean | null): VerdictKey {
  return r === true ? verdicts.yes.key : r === false ? verdicts.no.key : verdicts.unknown.key
}

/** A wait in words: "60 s", "10 min", "1 h 30 min". */
export function waitWords(s: number): string {
  if (s < 120) return `${+s.toFixed(3)} ${seconds}`
  const m = Math.round(s / 60)
  if (m < 120) return `${m} ${minutes}`
  const h = Math.floor(m / 60)
  return m % 60 ? `${h} ${hours} ${m % 60} ${minutes}` : `${h} ${hours}`
}

/** A countdown: "0:42", "12:05", "1:02:03". */
export function clock(seconds: number): string {
  const t = Math.max(0, Math.ceil(seconds))
  const h = Math.floor(t / 3600)
  const m = Math.floor((t % 3600) / 60)
  const s = t % 60
  const two = (n: number) => String(n).padStart(2, '0')
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`
}

// --- text ----------------------------------------------------------------------

/** Text with `code spans` (the catalog writes its fix steps that way). */
export function inlineCode(text: string): DocumentFragment {
  const f = document.createDocumentFragment()
  text.split(/(`[^`]+`)/).forEach((part, i) => {
    if (part === '') return
    f.append(i % 2 === 1 ? code(part.slice(1, -1)) : part)
  })
  return f
}

/** Prose that may quote the paste (notes, the retry reason): inlineCode when short, shortened when long. */
function prose(text: string, label: string): Node {
  return text.length > 2000 ? longText(text, label, false) : inlineCode(text)
}

function percent(c: number): string {
  return `${Math.round(c * 100)}%`
}

function evidenceList(items: string[]): HTMLElement | null {
  if (items.length === 0) return null
  const ul = el('ul', 'evidence')
  items.forEach((e, i) => ul.append(el('li', '', longText(e, `evidence ${i + 1}`, false))))
  return ul
}

function evidenceDetails(summary: string, items: string[]): HTMLElement | null {
  const ev = evidenceList(items)
  return ev && el('details', 'dx-evidence', el('summary', '', summary), ev)
}

/** A category, linked to its page when it has one. */
export function categoryLink(category: string, urls: SiteURLs): HTMLElement {
  const url = category !== 'unknown' && category !== 'success' ? refURL(urls.base, `categories/${category}/`) : null
  return url ? link(url, code(category)) : code(category)
}

// --- the panel ---------------------------------------------------------------

/** What the panel needs besides the diagnosis. */
export interface RenderContext {
  urls: SiteURLs
  names: Map<string, string> // provider id → display name
  override: string // the provider the user forced, or ""
  /** An entry of errors, drawn inside the list: no countdown, no list of its own, no input. */
  nested?: boolean
  /** The accessible name of the field table, unique on the page ("Fields of the response" by default). */
  fieldsLabel?: string
}

/** Sets the panel's data attributes: the same values as the CLI's --json, "" for null. */
export function setAttributes(panel: HTMLElement, d: Diagnosis | null): void {
  panel.dataset.provider = d?.provider ?? ''
  panel.dataset.code = d?.code ?? ''
  panel.dataset.category = d?.category ?? ''
  panel.dataset.retryable = d && d.retry.retryable !== null ? String(d.retry.retryable) : ''
  panel.dataset.waitSeconds = d && d.retry.wait_seconds !== null ? String(d.retry.wait_seconds) : ''
}

/** Builds the body of the panel. The countdown element, if any, is returned for ticking. */
export function renderDiagnosis(d: Diagnosis, ctx: RenderContext): { body: DocumentFragment; countdown: HTMLElement | null } {
  const body = document.createDocumentFragment()
  const h = ctx.nested ? 'h4' : 'h3'
  body.append(el('p', 'dx-title', el('strong', '', d.title)))
  const rc = rootCauseNote(d, ctx)
  if (rc) body.append(rc)
  const { facts, countdown } = factList(d, ctx)
  body.append(facts)
  const clients = ctx.nested ? null : clientTable(d.clients, (id) => refURL(ctx.urls.base, `clients/${id}/`))
  if (clients) {
    body.append(el(h, '', 'What your client would do'),
      el('p', 'meta', 'What each SDK or HTTP client does with this error by default, by its own retry rule, against the provider\'s documented rule. Disagreements first.'), clients)
  }
  const notes = noteItems(d)
  if (notes.length > 0) body.append(el(h, '', 'Notes'), el('ul', 'dx-notes', ...notes))
  body.append(el(h, '', 'What happened'), el('p', 'dx-explanation', inlineCode(d.explanation)))
  if (d.fix.length > 0) body.append(el(h, '', 'How to fix it'), el('ol', 'steps dx-fix', ...d.fix.map((step) => el('li', '', inlineCode(step)))))
  if (d.fields.length > 0) body.append(el(h, '', 'The response, field by field'), fieldTable(d, ctx.urls, ctx.fieldsLabel ?? 'Fields of the response'))
  if (!ctx.nested) {
    const list = errorList(d, ctx, (e, i) => renderDiagnosis(e, { ...ctx, nested: true, fieldsLabel: `Fields of error ${i + 1} in the list` }).body)
    if (list) body.append(list)
    const input = maskedInput(d)
    if (input) body.append(input)
  }
  return { body, countdown }
}

/** "Cline said X; the upstream said Y; the advice follows Y." */
function rootCauseNote(d: Diagnosis, ctx: RenderContext): HTMLElement | null {
  const rc = d.root_cause
  if (!rc) return null
  const wrapper = d.provider_name ?? d.provider ?? 'The provider'
  const upstream = rc.provider ? `the upstream, ${ctx.names.get(rc.provider) ?? rc.provider},` : 'the upstream service'
  const said: Child[] = [rc.code !== null ? code(rc.code) : rc.status !== null ? `HTTP ${rc.status}` : 'an error']
  if (rc.message) said.push(': “', longText(rc.message, 'the upstream message', false), '”')
  return el('p', 'note dx-root-cause',
    el('strong', '', 'Root cause: '),
    `${wrapper} said `, d.code !== null ? code(d.code) : 'an error',
    d.code_category ? el('span', '', ' (category ', categoryLink(d.code_category, ctx.urls), ')') : '',
    `; ${upstream} said `, ...said,
    ' (category ', categoryLink(rc.category, ctx.urls), '), found in ', longText(rc.where, 'where the upstream error was found', false), '. ',
    'The category, the retry verdict and the fix below follow the upstream error.')
}

/** The facts list: provider, status, code, category, retry, where, reference... */
function factList(d: Diagnosis, ctx: RenderContext): { facts: HTMLElement; countdown: HTMLElement | null } {
  const facts = el('dl', 'facts dx-facts')
  const fact = (label: string, ...value: Child[]) => facts.append(el('dt', '', label), el('dd', '', ...value))
  providerFacts(d, ctx, fact)
  fact('HTTP status', d.status !== null ? String(d.status) : el('span', 'meta', 'not in the paste'))
  fact('Code', d.code !== null ? longText(d.code, 'the code') : el('span', 'meta', 'none found'), d.variant && ' ', d.variant && el('span', 'meta', `(variant ${d.variant})`))
  fact('Category', categoryLink(d.category, ctx.urls), d.root_cause ? el('span', 'meta', ' (from the root cause)') : '')
  const { node, countdown } = retryFact(d, !ctx.nested)
  fact('Retry', node)
  const where = whereWords(d)
  if (where) fact('Where', where)
  if (d.request_id !== null) fact('Request ID', longText(d.request_id, 'the request ID'))
  const ref = refURL(ctx.urls.base, d.reference)
  if (ref) fact('Reference', link(ref, d.reference!))
  fact('Read as', forms[d.form] ?? d.form)
  if (d.redactions.length > 0) fact('Masked', el('p', 'meta', 'These secrets were replaced by [redacted] everywhere below, in the permalink and in the Markdown.'), redactionList(d))
  return { facts, countdown }
}

type Fact = (label: string, ...value: Child[]) => void

/** Provider, confidence, evidence, and the other candidates. */
function providerFacts(d: Diagnosis, ctx: RenderContext, fact: Fact): void {
  if (d.provider) {
    const how = ctx.override && ctx.override === d.provider ? 'chosen by you' : `${percent(d.confidence)} confidence`
    fact('Provider', el('span', 'dx-provider', d.provider_name ?? d.provider), ' ', code(d.provider), ' ', el('span', 'meta', `(${how})`),
      evidenceDetails(`Evidence (${d.evidence.length})`, d.evidence))
  } else {
    fact('Provider', el('span', 'meta', d.candidates.length > 1 ? 'Not decided: the paste fits several providers' : 'Not identified'),
      evidenceDetails('What was read', d.evidence))
  }
  const others = d.candidates.filter((c) => c.provider !== d.provider)
  if (others.length === 0) return
  const ul = el('ul', 'dx-candidates')
  for (const c of others) {
    ul.append(el('li', '', el('span', '', ctx.names.get(c.provider) ?? c.provider), ' ', code(c.provider), ' ', el('span', 'meta', `(${percent(c.confidence)})`),
      evidenceDetails(`Evidence (${c.evidence.length})`, c.evidence)))
  }
  fact(d.provider ? 'Other candidates' : 'Candidates', ul)
}

/** The retry verdict, the wait and (with live) its countdown. */
function retryFact(d: Diagnosis, live: boolean): { node: HTMLElement; countdown: HTMLElement | null } {
  const verdict = retryWord(d.retry.retryable)
  let countdown: HTMLElement | null = null
  const retry = el('div', 'dx-retry', el('span', `verdict verdict-${verdict}`, verdicts[verdict].label))
  if (d.retry.wait_seconds !== null) {
    retry.append(' ', el('span', 'dx-wait', `${wait} ${waitWords(d.retry.wait_seconds)}`))
    if (verdict !== 'no' && live) {
      countdown = el('span', 'countdown')
      countdown.setAttribute('role', 'timer')
      countdown.dataset.waitSeconds = String(d.retry.wait_seconds)
      retry.append(' ', countdown)
    }
  }
  retry.append(el('p', 'dx-reason', prose(d.retry.reason, 'the retry reason')))
  if (countdown) retry.append(el('p', 'meta', 'The countdown starts from this diagnosis; the wait really runs from when the response was sent.'))
  return { node: retry, countdown }
}

/** "line 12, seen 3 times", or null when the classifier says neither. */
export function whereWords(d: Diagnosis): string | null {
  const parts: string[] = []
  if (typeof d.line === 'number') parts.push(`line ${group(d.line)}`)
  if (typeof d.occurrences === 'number' && d.occurrences > 1) parts.push(`seen ${group(d.occurrences)} times`)
  return parts.length > 0 ? parts.join(', ') : null
}

function redactionList(d: Diagnosis): HTMLElement {
  const ul = el('ul', 'dx-redactions')
  for (const r of d.redactions) ul.append(el('li', '', el('span', '', r.kind.replace(/_/g, ' ')), ': ', longText(r.where, 'where it was', false)))
  return ul
}

/** Notes: stream state, truncation, anything else. */
function noteItems(d: Diagnosis): HTMLElement[] {
  const notes: HTMLElement[] = []
  if (d.mid_stream) notes.push(el('li', '', el('strong', '', 'Mid-stream: '), 'the error arrived inside a stream that had already started with HTTP 200.'))
  if (d.partial_output) notes.push(el('li', '', el('strong', '', 'Partial output: '), 'the stream produced output before the error; it may be incomplete.'))
  if (d.truncated) notes.push(el('li', '', el('strong', '', 'Truncated: '), 'the paste ends inside the error body; paste the whole response if you can.'))
  d.notes.forEach((n, i) => notes.push(el('li', '', prose(n, `note ${i + 1}`))))
  return notes
}

/** The field-by-field breakdown, each field linked to where the reference explains it. */
function fieldTable(d: Diagnosis, urls: SiteURLs, label: string): HTMLElement {
  const tbody = el('tbody')
  for (const f of d.fields) {
    const href = fieldURL(d, f, urls)
    const role = href ? link(href, f.role.replace(/_/g, ' ')) : f.role.replace(/_/g, ' ')
    const th = el('th', '', longText(f.path, 'the field path'))
    th.scope = 'row'
    tbody.append(el('tr', '', th, el('td', 'dx-value', longText(f.value, `the value of ${f.path.slice(0, 80)}`)), el('td', '', role)))
  }
  const head = el('tr')
  for (const h of ['Field', 'Value', 'Meaning']) {
    const th = el('th', '', h)
    th.scope = 'col'
    head.append(th)
  }
  const wrap = el('div', 'table-wrap', el('table', 'dx-fields', el('caption', 'visually-hidden', label), el('thead', '', head), tbody))
  wrap.setAttribute('role', 'region')
  wrap.setAttribute('aria-label', label)
  wrap.tabIndex = 0
  return wrap
}

/** The paste as the permalink and the Markdown carry it, when something in it was masked. */
function maskedInput(d: Diagnosis): HTMLElement | null {
  if (d.redactions.length === 0 || d.redacted_input === undefined) return null
  return el('details', 'dx-input',
    el('summary', '', 'The paste with its secrets masked'),
    el('p', 'meta', 'This is what the permalink and the Markdown carry.'),
    el('pre', 'dx-input-text', longText(d.redacted_input, 'the masked paste', false)))
}

/** Updates a countdown element: seconds since the diagnosis was made. */
export function tick(countdown: HTMLElement, elapsed: number): boolean {
  const left = Number(countdown.dataset.waitSeconds) - elapsed
  if (left <= 0) {
    countdown.textContent = 'retry allowed now'
    countdown.classList.add('countdown-done')
    return false
  }
  countdown.textContent = `retry allowed in ${clock(left)}`
  return true
}

/** A one-line summary for the status line. */
export function summary(d: Diagnosis): string {
  const who = d.provider_name ?? (d.candidates.length > 1 ? 'provider not decided' : 'provider not identified')
  const what = d.code ?? d.category
  const retry = verdicts[retryWord(d.retry.retryable)].summary
  const waitText = d.retry.wait_seconds !== null ? ` ${after} ${waitWords(d.retry.wait_seconds)}` : ''
  const n = d.errors?.length ?? 0
  const more = n > 1 ? ` ${group(n)} distinct errors in the paste.` : ''
  return `${who}: ${what}, ${retry}${waitText}.${more}`
}
