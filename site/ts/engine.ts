// The classifier, compiled from Go to WebAssembly (wasm/main_js.go), and
// the runtime half Go ships for it (wasm_exec.js, which defines the global
// class Go). Loading it:
//
//   1. the .wasm download starts, and wasm_exec.js is added as a script
//      (both same-origin, allowed by the page's CSP);
//   2. WebAssembly.instantiateStreaming compiles it while it downloads; a
//      server that does not send Content-Type application/wasm makes that
//      fail, so the fallback is arrayBuffer() + WebAssembly.instantiate;
//   3. go.run starts the Go program, which registers errdexDiagnose and
//      calls window.errdexReady. It runs in a task after the one that
//      finished the compilation, so that neither makes a long task.
//
// The Go side turns a panic into an {"error": ...} value, so a bad input
// never stops it. Should the program exit anyway, the next call starts a
// fresh instance of the compiled module and tries again.

interface GoRuntime {
  importObject: WebAssembly.Imports
  run(instance: WebAssembly.Instance): Promise<void>
}

declare global {
  interface Window {
    Go?: new () => GoRuntime
    errdexDiagnose?: (text: string, provider: string) => string
    errdexReady?: () => void
  }
}

export type EngineState = 'idle' | 'loading' | 'ready' | 'failed'

export class Engine {
  state: EngineState = 'idle'
  /** How the module was compiled: "streaming", or "arraybuffer" after a MIME fallback. */
  compiledBy = ''
  /** Milliseconds from start() to ready. */
  loadMs = 0
  private module: WebAssembly.Module | null = null
  private loading: Promise<void> | null = null
  private exited = true

  constructor(
    private readonly wasmURL: string,
    private readonly execURL: string,
    private readonly onChange: (e: Engine, err?: unknown) => void,
  ) {}

  /** Starts loading, once; later calls return the same promise. */
  start(): Promise<void> {
    this.loading ??= this.load().then(
      () => this.set('ready'),
      (err) => {
        this.set('failed', err)
        throw err
      },
    )
    return this.loading
  }

  /** Diagnoses text and returns the classifier's JSON. */
  async diagnose(text: string, provider: string): Promise<string> {
    await this.start()
    if (this.exited || !window.errdexDiagnose) await this.restart()
    try {
      return window.errdexDiagnose!(text, provider)
    } catch {
      // The Go program has exited: start it again once.
      await this.restart()
      return window.errdexDiagnose!(text, provider)
    }
  }

  private set(s: EngineState, err?: unknown): void {
    this.state = s
    this.onChange(this, err)
  }

  private async load(): Promise<void> {
    this.set('loading')
    const t0 = performance.now()
    const response = fetch(this.wasmURL) // download while the script loads
    response.catch(() => {}) // awaited below; keep it from being reported twice
    await loadScript(this.execURL)
    const go = this.newGo()
    const { module, instance } = await this.instantiate(response, go.importObject)
    this.module = module
    await nextTask()
    await this.run(go, instance)
    this.loadMs = Math.round(performance.now() - t0)
  }

  private newGo(): GoRuntime {
    if (!window.Go) throw new Error('wasm_exec.js did not define Go')
    return new window.Go()
  }

  private async instantiate(response: Promise<Response>, imports: WebAssembly.Imports): Promise<WebAssembly.WebAssemblyInstantiatedSource> {
    let r = await response
    if (!r.ok) throw new Error(`the classifier did not load: HTTP ${r.status}`)
    const type = (r.headers.get('Content-Type') ?? '').split(';')[0].trim().toLowerCase()
    if (typeof WebAssembly.instantiateStreaming === 'function' && type === 'application/wasm') {
      try {
        const out = await WebAssembly.instantiateStreaming(r, imports)
        this.compiledBy = 'streaming'
        return out
      } catch (err) {
        if (!(err instanceof TypeError)) throw err // a real compile or link error
        r = await fetch(this.wasmURL) // the body was used; the HTTP cache has it
      }
    }
    const out = await WebAssembly.instantiate(await r.arrayBuffer(), imports)
    this.compiledBy = 'arraybuffer'
    return out
  }

  /** Runs an instance and resolves when the Go program says it is ready. */
  private run(go: GoRuntime, instance: WebAssembly.Instance): Promise<void> {
    return new Promise((resolve, reject) => {
      window.errdexReady = () => {
        this.exited = false
        resolve()
      }
      go.run(instance).then(
        () => {
          this.exited = true
          reject(new Error('the classifier exited before it was ready'))
        },
        (err) => {
          this.exited = true
          reject(err)
        },
      )
    })
  }

  private async restart(): Promise<void> {
    if (!this.module) throw new Error('the classifier is not loaded')
    const go = this.newGo()
    const instance = await WebAssembly.instantiate(this.module, go.importObject)
    await this.run(go, instance)
  }
}

/**
 * Resolves in a task of its own. Finishing the compilation and starting the
 * Go program (its runtime and package initialisation) are each tens of
 * milliseconds of main-thread work; run back to back they make one long task
 * that holds up a keystroke or a click arriving meanwhile. Between them the
 * page handles its input first.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

function loadScript(src: string): Promise<void> {
  if (window.Go) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const s = document.createElement('script')
    s.src = src
    s.onload = () => resolve()
    s.onerror = () => reject(new Error('wasm_exec.js did not load'))
    document.head.append(s)
  })
}
