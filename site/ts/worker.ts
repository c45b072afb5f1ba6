// The classifier's own thread: a dedicated Web Worker that the playground
// (engine.ts) starts. Everything the classifier costs (compiling the
// WebAssembly, starting the Go program, diagnosing a 5 MB paste, parsing
// its JSON) happens here, so the page never stops answering clicks and keys.
//
// Loading ({type: 'load'}):
//
//   1. the downloads of the .wasm and of the catalog (its providers, codes
//      and words, which the binary is built without: one static file, the
//      same for every paste) start, and Go's wasm_exec.js (which defines the
//      class Go) is imported; all three are same-origin;
//   2. WebAssembly.instantiateStreaming compiles it while it downloads; a
//      server that does not send Content-Type application/wasm makes that
//      fail, so the fallback is arrayBuffer() + WebAssembly.instantiate;
//   3. the catalog's text is set as errdexCatalog on this worker's global object, and
//      go.run starts the Go program (wasm/main_js.go), which loads it,
//      registers errdexDiagnose and calls errdexReady(); or, when the text
//      is not this binary's catalog, calls errdexReady(reason) and exits, and the
//      load fails with that reason (the page shows it);
//   4. the worker takes its own network away, loaded or not.
//
// Then the worker answers {type: 'diagnose'} messages one at a time, in
// the order they came. The Go side turns a panic into an {"error": ...}
// value, so a bad input never stops it. Should the program exit anyway,
// the next call starts a fresh instance of the compiled module and tries
// again.
import type { Diagnosis } from './diagnosis'
import type { FromWorker, ToWorker } from './protocol'

interface GoRuntime {
  importObject: WebAssembly.Imports
  run(instance: WebAssembly.Instance): Promise<void>
}

/** The parts of DedicatedWorkerGlobalScope this file uses (the DOM lib types self as a Window). */
interface Scope {
  Go?: new () => GoRuntime
  errdexDiagnose?: (text: unknown, provider: unknown) => string
  errdexReady?: (err?: string) => void
  errdexCatalog?: string
  importScripts(...urls: string[]): void
  postMessage(message: FromWorker): void
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null
}

const scope = self as unknown as Scope

let module: WebAssembly.Module | null = null
let exited = true

function reply(m: FromWorker): void {
  scope.postMessage(m)
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

// --- loading -----------------------------------------------------------------

async function load(wasmURL: string, execURL: string, catalogURL: string): Promise<void> {
  const t0 = performance.now()
  try {
    const response = fetch(wasmURL) // download while the script loads
    response.catch(() => {}) // awaited below; keep it from being reported twice
    const text = fetchCatalog(catalogURL)
    text.catch(() => {})
    scope.importScripts(execURL)
    const go = newGo()
    const { module: m, instance, compiledBy } = await instantiate(wasmURL, response, go.importObject)
    scope.errdexCatalog = await text // kept: a restarted program reads it again
    module = m
    await run(go, instance)
    reply({ type: 'ready', compiledBy, loadMs: Math.round(performance.now() - t0) })
  } finally {
    sealNetwork()
  }
}

/** The catalog (its data and its prose): one static file, fetched once per page load, before the network is sealed. */
async function fetchCatalog(url: string): Promise<string> {
  if (!url) throw new Error("the page names no file for the catalog")
  const r = await fetch(url)
  if (!r.ok) throw new Error(`the catalog did not load: HTTP ${r.status}`)
  return r.text()
}

/**
 * Takes the network away from this worker once the classifier is loaded (or
 * has failed to load). The page's Content-Security-Policy (a meta tag) does
 * not reach a worker, which only an HTTP header could restrict, and GitHub
 * Pages sets none; so the worker shadows every way it has to make a request.
 * The classifier never makes one; this makes sure nothing in the worker can.
 */
function sealNetwork(): void {
  for (const name of ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'WebTransport', 'importScripts']) {
    Object.defineProperty(scope, name, { value: undefined, writable: false, configurable: false })
  }
}

function newGo(): GoRuntime {
  if (!scope.Go) throw new Error('wasm_exec.js did not define Go')
  return new scope.Go()
}

async function instantiate(url: string, response: Promise<Response>, imports: WebAssembly.Imports): Promise<WebAssembly.WebAssemblyInstantiatedSource & { compiledBy: string }> {
  let r = await response
  if (!r.ok) throw new Error(`the classifier did not load: HTTP ${r.status}`)
  const type = (r.headers.get('Content-Type') ?? '').split(';')[0].trim().toLowerCase()
  if (typeof WebAssembly.instantiateStreaming === 'function' && type === 'application/wasm') {
    try {
      return { ...(await WebAssembly.instantiateStreaming(r, imports)), compiledBy: 'streaming' }
    } catch (err) {
      if (!(err instanceof TypeError)) throw err // a real compile or link error
      r = await fetch(url) // the body was used; the HTTP cache has it
    }
  }
  return { ...(await WebAssembly.instantiate(await r.arrayBuffer(), imports)), compiledBy: 'arraybuffer' }
}

/** Runs an instance and resolves when the Go program says it is ready. */
function run(go: GoRuntime, instance: WebAssembly.Instance): Promise<void> {
  return new Promise((resolve, reject) => {
    scope.errdexReady = (err) => {
      if (err) {
        reject(new Error(err))
        return
      }
      exited = false
      resolve()
    }
    go.run(instance).then(
      () => {
        exited = true
        reject(new Error('the classifier exited before it was ready'))
      },
      (err) => {
        exited = true
        reject(err)
      },
    )
  })
}

async function restart(): Promise<void> {
  if (!module) throw new Error('the classifier is not loaded')
  const go = newGo()
  await run(go, await WebAssembly.instantiate(module, go.importObject))
}

// --- diagnosing --------------------------------------------------------------

/** The classifier's JSON for text, restarting the Go program once if it has exited. */
async function classify(text: unknown, provider: unknown): Promise<string> {
  if (exited || !scope.errdexDiagnose) await restart()
  try {
    return scope.errdexDiagnose!(text, provider)
  } catch {
    await restart() // the Go program has exited: start it again once
    return scope.errdexDiagnose!(text, provider)
  }
}

async function diagnose(m: Extract<ToWorker, { type: 'diagnose' }>): Promise<void> {
  const t0 = performance.now()
  let json: string
  try {
    json = await classify(m.text, m.provider)
  } catch (err) {
    reply({ type: 'answer', id: m.id, error: `the classifier stopped (${message(err)})`, ms: performance.now() - t0 })
    return
  }
  const ms = performance.now() - t0
  if (m.raw) reply({ type: 'answer', id: m.id, json, ms })
  else reply({ type: 'answer', id: m.id, ...parseResult(json), ms })
}

/** Parses the classifier's output: a Diagnosis, or an {"error": ...} value. */
function parseResult(json: string): { d?: Diagnosis; error?: string } {
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

function reset(): void {
  exited = true
  delete scope.errdexDiagnose
}

async function handle(m: ToWorker): Promise<void> {
  switch (m.type) {
    case 'load':
      try {
        await load(m.wasm, m.exec, m.catalog)
      } catch (err) {
        reply({ type: 'failed', error: message(err) })
      }
      return
    case 'diagnose':
      return diagnose(m)
    case 'reset':
      return reset()
  }
}

// One message at a time, in order: a restart awaited by one call must not
// let the next call run against a half-started program.
let queue: Promise<void> = Promise.resolve()
scope.onmessage = (e) => {
  queue = queue.then(() => handle(e.data))
}
