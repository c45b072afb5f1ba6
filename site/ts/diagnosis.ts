// The diagnosis panel. A Diagnosis is the object the classifier returns:
// the JSON of Diagnosis.JSON in wasm/classify (documented in its package
// doc), the same the CLI's `errdex diagnose --json` prints.
//
// Everything here is built with createElement and textContent: text that
// came from the paste (codes, messages, field values, request ids) only
// ever becomes DOM text nodes. The one URL made from the diagnosis is its
// reference, a site path, and it is checked to stay under the site's base.

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
  title: string
  explanation: string
  fix: string[]
  reference: string | null
  redactions: { kind: string; where: string }[]
  fields: Field[]
  notes: string[]
  redacted_input: string
}

/** Parses the classifier's output: a Diagnosis, or an {"error": ...} value. */
export function parseResult(json: string): { d?: Diagnosis; error?: string } {
  let v: unknown
  try {
    v = JSON.parse(json)
  } catch {
    return { error: 'the classifier returned something that is not JSON' }
  }
  if (typeof v !== 'object' || v === null) return { error: 'the classifier returned no object' }
  const o = v as Record<string, unknown>
  if (typeof o.error === 'string') return { error: o.error }
  if (typeof o.category !== 'string' || typeof o.retry !== 'object') return { error: 'the classifier returned an unexpected object' }
  return { d: v as Diagnosis }
}

/** Words for the input forms. */
const forms: Record<string, string> = {
  json: 'a JSON body',
  'curl-i': 'curl -i output',
  'curl-v': 'curl -v output',
  sse: 'a server-sent event stream',
  sdk: 'an SDK exception',
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

export function retryWord(r: boolean | null): 'yes' | 'no' | 'unknown' {
  return r === true ? 'yes' : r === false ? 'no' : 'unknown'
}

/** A wait in words: "60 s", "10 min", "1 h 30 min". */
export function waitWords(s: number): string {
  if (s < 120) return `${+s.toFixed(3)} s`
  const m = Math.round(s / 60)
  if (m < 120) return `${m} min`
  const h = Math.floor(m / 60)
  return m % 60 ? `${h} h ${m % 60} min` : `${h} h`
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

// --- DOM helpers -------------------------------------------------------------

type Child = Node | string | null | undefined | false

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls = '', ...children: Child[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag)
  if (cls) e.className = cls
  for (const c of children) if (c) e.append(c) // strings become text nodes
  return e
}

function code(text: string): HTMLElement {
  return el('code', '', text)
}

function link(href: string, ...children: Child[]): HTMLAnchorElement {
  const a = el('a', '', ...children)
  a.href = href
  return a
}

/** Text with `code spans` (the catalog writes its fix steps that way). */
export function inlineCode(text: string): DocumentFragment {
  const f = document.createDocumentFragment()
  text.split(/(`[^`]+`)/).forEach((part, i) => {
    if (part === '') return
    f.append(i % 2 === 1 ? code(part.slice(1, -1)) : part)
  })
  return f
}

function percent(c: number): string {
  return `${Math.round(c * 100)}%`
}

function evidenceList(items: string[]): HTMLElement | null {
  if (items.length === 0) return null
  const ul = el('ul', 'evidence')
  for (const e of items) ul.append(el('li', '', e))
  return ul
}

// --- the panel ---------------------------------------------------------------

/** What the panel needs besides the diagnosis. */
export interface RenderContext {
  urls: SiteURLs
  names: Map<string, string> // provider id → display name
  override: string // the provider the user forced, or ""
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
  const { urls, names } = ctx

  const verdict = retryWord(d.retry.retryable)
  body.append(el('p', 'dx-title', el('strong', '', d.title)))

  const facts = el('dl', 'facts dx-facts')
  const fact = (label: string, ...value: Child[]) => facts.append(el('dt', '', label), el('dd', '', ...value))

  // Provider, confidence, evidence.
  if (d.provider) {
    const how = ctx.override && ctx.override === d.provider ? 'chosen by you' : `${percent(d.confidence)} confidence`
    const ev = evidenceList(d.evidence)
    fact('Provider', el('span', 'dx-provider', d.provider_name ?? d.provider), ' ', code(d.provider), ' ', el('span', 'meta', `(${how})`),
      ev && el('details', 'dx-evidence', el('summary', '', `Evidence (${d.evidence.length})`), ev))
  } else {
    const ev = evidenceList(d.evidence)
    fact('Provider', el('span', 'meta', d.candidates.length > 1 ? 'Not decided: the paste fits several providers' : 'Not identified'),
      ev && el('details', 'dx-evidence', el('summary', '', 'What was read'), ev))
  }
  const others = d.candidates.filter((c) => c.provider !== d.provider)
  if (others.length > 0) {
    const ul = el('ul', 'dx-candidates')
    for (const c of others) {
      const ev = evidenceList(c.evidence)
      ul.append(el('li', '', el('span', '', names.get(c.provider) ?? c.provider), ' ', code(c.provider), ' ', el('span', 'meta', `(${percent(c.confidence)})`),
        ev && el('details', 'dx-evidence', el('summary', '', `Evidence (${c.evidence.length})`), ev)))
    }
    fact(d.provider ? 'Other candidates' : 'Candidates', ul)
  }

  fact('HTTP status', d.status !== null ? String(d.status) : el('span', 'meta', 'not in the paste'))
  fact('Code', d.code !== null ? code(d.code) : el('span', 'meta', 'none found'), d.variant && ' ', d.variant && el('span', 'meta', `(variant ${d.variant})`))
  const catURL = d.category !== 'unknown' && d.category !== 'success' ? refURL(urls.base, `categories/${d.category}/`) : null
  fact('Category', catURL ? link(catURL, code(d.category)) : code(d.category))

  // Retry verdict, wait, countdown.
  let countdown: HTMLElement | null = null
  const retry = el('div', 'dx-retry')
  const pill = el('span', `verdict verdict-${verdict}`, verdict === 'yes' ? 'Yes' : verdict === 'no' ? 'No' : 'Unknown')
  retry.append(pill)
  if (d.retry.wait_seconds !== null) {
    retry.append(' ', el('span', 'dx-wait', `wait ${waitWords(d.retry.wait_seconds)}`))
    if (verdict !== 'no') {
      countdown = el('span', 'countdown')
      countdown.setAttribute('role', 'timer')
      countdown.dataset.waitSeconds = String(d.retry.wait_seconds)
      retry.append(' ', countdown)
    }
  }
  retry.append(el('p', 'dx-reason', inlineCode(d.retry.reason)))
  if (countdown) retry.append(el('p', 'meta', 'The countdown starts from this diagnosis; the wait really runs from when the response was sent.'))
  fact('Retry', retry)

  if (d.request_id !== null) fact('Request ID', code(d.request_id))
  const ref = refURL(urls.base, d.reference)
  if (ref) fact('Reference', link(ref, d.reference!))
  fact('Read as', forms[d.form] ?? d.form)
  if (d.redactions.length > 0) {
    const ul = el('ul', 'dx-redactions')
    for (const r of d.redactions) ul.append(el('li', '', el('span', '', r.kind.replace(/_/g, ' ')), ': ', r.where))
    fact('Masked', el('p', 'meta', 'These secrets were replaced by [redacted] everywhere below, in the permalink and in the Markdown.'), ul)
  }
  body.append(facts)

  // Notes: stream state, truncation, anything else.
  const notes: Child[] = []
  if (d.mid_stream) notes.push(el('li', '', el('strong', '', 'Mid-stream: '), 'the error arrived inside a stream that had already started with HTTP 200.'))
  if (d.partial_output) notes.push(el('li', '', el('strong', '', 'Partial output: '), 'the stream produced output before the error; it may be incomplete.'))
  if (d.truncated) notes.push(el('li', '', el('strong', '', 'Truncated: '), 'the paste ends inside the error body; paste the whole response if you can.'))
  for (const n of d.notes) notes.push(el('li', '', inlineCode(n)))
  if (notes.length > 0) body.append(el('h3', '', 'Notes'), el('ul', 'dx-notes', ...notes))

  body.append(el('h3', '', 'What happened'), el('p', 'dx-explanation', inlineCode(d.explanation)))
  if (d.fix.length > 0) {
    const ol = el('ol', 'steps dx-fix')
    for (const step of d.fix) ol.append(el('li', '', inlineCode(step)))
    body.append(el('h3', '', 'How to fix it'), ol)
  }

  if (d.fields.length > 0) {
    const tbody = el('tbody')
    for (const f of d.fields) {
      const href = fieldURL(d, f, urls)
      const role = href ? link(href, f.role.replace(/_/g, ' ')) : f.role.replace(/_/g, ' ')
      const th = el('th', '', code(f.path))
      th.scope = 'row'
      tbody.append(el('tr', '', th, el('td', 'dx-value', code(f.value)), el('td', '', role)))
    }
    const head = el('tr')
    for (const h of ['Field', 'Value', 'Meaning']) {
      const th = el('th', '', h)
      th.scope = 'col'
      head.append(th)
    }
    const wrap = el('div', 'table-wrap', el('table', 'dx-fields', el('caption', 'visually-hidden', 'Fields of the response'), el('thead', '', head), tbody))
    wrap.setAttribute('role', 'region')
    wrap.setAttribute('aria-label', 'Fields of the response')
    wrap.tabIndex = 0
    body.append(el('h3', '', 'The response, field by field'), wrap)
  }
  return { body, countdown }
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
  const retry = { yes: 'retryable', no: 'not retryable', unknown: 'retry unknown' }[retryWord(d.retry.retryable)]
  const wait = d.retry.wait_seconds !== null ? ` after ${waitWords(d.retry.wait_seconds)}` : ''
  return `${who}: ${what}, ${retry}${wait}.`
}
