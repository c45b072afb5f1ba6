// Entry point of the playground page (site/templates/play.html).
//
// The paste box (#response-input) and the provider override
// (#provider-override) feed the classifier, which runs in a Web Worker
// (engine.ts, worker.ts) so that the page answers clicks and keys however
// long a paste takes; its answer is drawn into #diagnosis (diagnosis.ts),
// 200 ms after the last keystroke or at once on Ctrl/Cmd+Enter. The panel
// carries the diagnosis as data attributes, with the values of the CLI's
// --json ("" for null): data-provider, data-code, data-category,
// data-retryable ("true", "false" or "") and data-wait-seconds. data-state
// is "empty", "waiting" (for the classifier to load), "working" (a
// diagnosis is under way; the attributes still hold the previous one),
// "done" or "error", and data-run counts the diagnoses drawn.
//
// Runs are numbered: a run's answer is drawn only if no newer run started
// while it was being computed, so a stale answer is never shown.
//
// The engine starts loading when the page is idle or when the box gets
// focus, whichever comes first; until it is ready the box works as usual and
// whatever is in it is diagnosed the moment it is. #play's data-engine says
// where it stands ("idle", "loading", "ready", "failed").
//
// State comes from the URL fragment (fragment.ts): #example=, #input= and
// the #v1= permalinks, which hold only the redacted input. Nothing the user
// pastes is sent anywhere: the only requests are for the classifier and the
// examples file.
import {
  type Diagnosis,
  renderDiagnosis,
  setAttributes,
  summary,
  tick,
} from './diagnosis'
import { type Answer, Engine } from './engine'
import { Fold } from './fold'
import { decodePermalink, encodePermalink, parseFragment } from './fragment'
import { toMarkdown } from './markdown'

const DEBOUNCE_MS = 200

/** Browsers handle URLs up to about 2 MB (Chromium's limit); a permalink stays under it. */
const MAX_LINK = 1_900_000

function byId<T extends HTMLElement>(id: string): T | null {
  return document.getElementById(id) as T | null
}

function init(): void {
  const root = byId('play')
  const box = byId<HTMLTextAreaElement>('response-input')
  const select = byId<HTMLSelectElement>('provider-override')
  const panel = byId('diagnosis')
  const body = byId('diagnosis-body')
  const status = byId('engine-status')
  const now = byId<HTMLButtonElement>('diagnose-now')
  const permalinkBtn = byId<HTMLButtonElement>('copy-permalink')
  const markdownBtn = byId<HTMLButtonElement>('copy-markdown')
  const share = byId('share')
  const shareStatus = byId('share-status')
  const shareOut = byId<HTMLTextAreaElement>('share-output')
  const shortcuts = byId<HTMLDetailsElement>('shortcuts')
  const gallery = byId<HTMLDetailsElement>('examples')
  if (!root || !box || !select || !panel || !body || !status || !now || !permalinkBtn || !markdownBtn || !share || !shareStatus || !shareOut) return
  const ds = root.dataset
  const urls = { base: ds.base ?? '/', siteURL: ds.siteUrl ?? '' }
  const names = new Map<string, string>()
  for (const o of select.options) if (o.value) names.set(o.value, o.text)
  const say = (msg: string) => {
    status.textContent = msg
  }

  // --- the engine ------------------------------------------------------------
  const engine = new Engine({ worker: ds.worker ?? '', wasm: ds.wasm ?? '', exec: ds.wasmExec ?? '', catalog: ds.catalog ?? '' }, (e, err) => {
    ds.engine = e.state
    if (e.state === 'loading') say(`Loading the classifier (${ds.wasmSize ?? 'WebAssembly'})…`)
    if (e.state === 'failed') say(`The classifier did not load (${err instanceof Error ? err.message : String(err)}). Reload the page to try again.`)
    if (e.state === 'ready') {
      ds.engineCompiledBy = e.compiledBy
      ds.engineLoadMs = String(e.loadMs)
      say(`Classifier ready (loaded in ${e.loadMs} ms). It runs in this tab, beside the page.`)
      if (box.value !== '') void run()
    }
  })
  const start = () => {
    engine.start().catch(() => {}) // the failure is reported by onChange
  }
  const idle = window.requestIdleCallback
  if (typeof idle === 'function') idle(start, { timeout: 3000 })
  else setTimeout(start, 500)
  box.addEventListener('focus', start, { once: true })
  exposeEngine(engine)

  // --- diagnosing ------------------------------------------------------------
  let timer: number | undefined
  let seq = 0
  let runs = 0
  let current: { d: Diagnosis; override: string } | null = null
  let ticker: number | undefined
  let running: Promise<void> | null = null

  const schedule = () => {
    clearTimeout(timer)
    timer = window.setTimeout(() => void run(), DEBOUNCE_MS)
  }

  const clear = () => {
    clearInterval(ticker)
    panel.removeAttribute('aria-busy')
    current = null
    setAttributes(panel, null)
    panel.dataset.state = 'empty'
    permalinkBtn.disabled = markdownBtn.disabled = true
  }

  /** Diagnoses what is in the box now. */
  const run = (): Promise<void> => {
    running = diagnoseNow()
    return running
  }

  const diagnoseNow = async (): Promise<void> => {
    clearTimeout(timer)
    timer = undefined
    const text = box.value
    const override = select.value
    const my = ++seq
    if (text === '') {
      clear()
      body.replaceChildren(hint())
      return
    }
    if (engine.state !== 'ready') {
      panel.dataset.state = 'waiting'
      start()
      if (engine.state !== 'failed') say(`Loading the classifier (${ds.wasmSize ?? 'WebAssembly'}); your text will be diagnosed as soon as it is ready.`)
      return // the ready handler runs again
    }
    working(text)
    const t0 = performance.now()
    let res: Answer | null
    try {
      res = await engine.diagnose(text, override)
    } catch (err) {
      if (my === seq) showError(`the classifier stopped (${err instanceof Error ? err.message : String(err)})`)
      return
    }
    if (res === null || my !== seq) return // a newer run started while this one waited
    panel.removeAttribute('aria-busy')
    if (!res.d) {
      showError(res.error ?? 'unknown error')
      return
    }
    show(res.d, override)
    const ms = performance.now() - t0
    say(`Diagnosed in ${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms. ${summary(res.d)}`)
    if (!ds.firstDiagnosisMs) ds.firstDiagnosisMs = String(Math.round(performance.now()))
  }

  /** Marks the panel busy while the worker diagnoses; the page keeps answering. */
  const working = (text: string) => {
    panel.dataset.state = 'working'
    panel.setAttribute('aria-busy', 'true')
    if (text.length > 1_000_000) say(`Diagnosing ${(text.length / 1e6).toFixed(1)} million characters… The page stays usable meanwhile.`)
  }

  const show = (d: Diagnosis, override: string) => {
    clearInterval(ticker)
    current = { d, override }
    const { body: frag, countdown } = renderDiagnosis(d, { urls, names, override })
    body.replaceChildren(frag)
    setAttributes(panel, d)
    panel.dataset.state = 'done'
    panel.dataset.run = String(++runs)
    permalinkBtn.disabled = markdownBtn.disabled = false
    if (countdown) {
      const at = performance.now()
      const step = () => {
        if (!tick(countdown, (performance.now() - at) / 1000)) clearInterval(ticker)
      }
      step()
      ticker = window.setInterval(step, 1000)
    }
  }

  const showError = (msg: string) => {
    clear()
    panel.dataset.state = 'error'
    panel.dataset.run = String(++runs)
    const p = document.createElement('p')
    p.className = 'note dx-error'
    p.textContent = `No diagnosis: ${msg}.`
    body.replaceChildren(p)
    say(`No diagnosis: ${msg}.`)
  }

  const hint = () => {
    const p = document.createElement('p')
    p.className = 'meta'
    p.textContent = 'Paste a response to see which provider sent it, what it means and whether to retry. Or open one of the examples.'
    return p
  }

  /** A user's edit makes a state fragment (#example=, #v1=) stale. */
  const edited = () => {
    if (location.hash) history.replaceState(null, '', location.pathname + location.search)
    schedule()
  }
  const fold = new Fold(box, edited)
  box.addEventListener('input', (e) => {
    fold.update()
    if (e.isTrusted) edited()
    else schedule()
  })
  select.addEventListener('change', () => void run())
  now.addEventListener('click', () => void run())

  // --- sharing ---------------------------------------------------------------
  const copy = async (what: string, text: string, shown: string) => {
    share.hidden = false
    shareOut.value = shown
    let copied = false
    try {
      if (navigator.clipboard) {
        await navigator.clipboard.writeText(text)
        copied = true
      }
    } catch {
      // denied: the text is in the box below, selected
    }
    shareStatus.textContent = copied ? `${what} copied. It holds the masked text only.` : `Copy the ${what.toLowerCase()} from this box (the clipboard is not available).`
    if (!copied) {
      shareOut.focus()
      shareOut.select()
    }
  }

  /** The diagnosis of what is in the box now, running a pending one first or waiting for the one under way. */
  const latest = async (): Promise<{ d: Diagnosis; override: string } | null> => {
    if (timer !== undefined) await run()
    else if (running) await running
    return current
  }

  const copyPermalink = async () => {
    const c = await latest()
    if (!c) return
    const frag = await encodePermalink({ input: c.d.redacted_input ?? '', provider: c.override })
    if (frag.length > MAX_LINK) {
      share.hidden = false
      shareOut.value = ''
      shareStatus.textContent = `This paste is too long for a link (${frag.length.toLocaleString('en')} characters even compressed). Copy it as Markdown instead.`
      return
    }
    history.replaceState(null, '', frag)
    const url = location.href
    const long = url.length > 8000 ? ` It is ${url.length.toLocaleString('en')} characters long; some chat apps cut long links.` : ''
    await copy('Permalink', url, url)
    if (long) shareStatus.textContent += long
  }

  const copyMarkdown = async () => {
    const c = await latest()
    if (!c) return
    const md = toMarkdown(c.d, urls.siteURL, names)
    await copy('Markdown', md, md)
  }

  permalinkBtn.addEventListener('click', () => void copyPermalink())
  markdownBtn.addEventListener('click', () => void copyMarkdown())

  // --- shortcuts -------------------------------------------------------------
  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented) return
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey) {
      e.preventDefault()
      void run()
      return
    }
    if (e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey) {
      // e.code, not e.key: on a Mac, Option+Shift+P types "∏".
      const act: Record<string, () => void> = {
        KeyP: () => fold.focus(),
        KeyD: () => panel.focus(),
        KeyL: () => void copyPermalink(),
        KeyM: () => void copyMarkdown(),
      }
      const f = act[e.code]
      if (f) {
        e.preventDefault()
        f()
      }
      return
    }
    if (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && shortcuts) {
      const t = e.target as HTMLElement | null
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return
      e.preventDefault()
      shortcuts.open = !shortcuts.open
      if (shortcuts.open) shortcuts.querySelector('summary')?.focus()
    }
  })

  // --- the URL fragment ------------------------------------------------------
  let examples: Promise<Record<string, string>> | null = null
  const loadExamples = (): Promise<Record<string, string>> => {
    examples ??= fetch(ds.examples ?? '').then((r) => {
      if (!r.ok) throw new Error(`examples: HTTP ${r.status}`)
      return r.json() as Promise<Record<string, string>>
    })
    return examples
  }

  const fill = (text: string, provider = '') => {
    box.value = text
    fold.update()
    select.value = names.has(provider) ? provider : ''
    start()
    void run()
  }

  const restore = async (): Promise<void> => {
    const f = parseFragment(location.hash)
    if (f.v1 !== undefined) {
      try {
        const s = await decodePermalink(f.v1)
        fill(s.input, s.provider)
      } catch (err) {
        say(`This permalink could not be read (${err instanceof Error ? err.message : String(err)}); it may be cut short.`)
      }
      return
    }
    if (f.input !== undefined) {
      fill(f.input)
      // The box has it now; keep the raw paste out of the address bar and history.
      history.replaceState(null, '', location.pathname + location.search)
      return
    }
    if (f.example === undefined) return
    try {
      const text = (await loadExamples())[f.example]
      if (text !== undefined) fill(text)
      else say(`There is no example ${f.example}.`)
    } catch {
      examples = null // leave the box as it is; a reload may work
      say('The examples did not load. Reload the page to try again.')
    }
  }

  // An example link to the fragment the page already has fires no
  // hashchange: load it anyway.
  gallery?.addEventListener('click', (e) => {
    const a = (e.target as HTMLElement | null)?.closest('a')
    if (a && a.hash && a.hash === location.hash) {
      e.preventDefault()
      void restore()
    }
  })
  window.addEventListener('hashchange', () => void restore())
  void restore()
}

/**
 * window.errdexEngine.diagnose(text, provider) resolves to the classifier's
 * JSON (the CLI's --json), computed in the worker: for scripts and the
 * browser tests. reset() drops the worker's Go program, as a fatal runtime
 * error would.
 */
function exposeEngine(engine: Engine): void {
  const w = window as unknown as { errdexEngine?: object }
  w.errdexEngine = Object.freeze({
    diagnose: (text: unknown, provider: unknown) => engine.json(text, provider),
    reset: () => engine.reset(),
  })
}

init()
