// The page's side of the classifier. The classifier itself (Go compiled to
// WebAssembly, with Go's wasm_exec.js) runs in a dedicated worker,
// worker.ts, a same-origin script the page's CSP allows with worker-src
// 'self'; this file starts it, sends it texts and hands back its answers.
// Nothing here calls the classifier on the page's thread.
//
// The worker answers one request at a time, so the engine keeps at most one
// request in flight. A playground request (diagnose) supersedes any earlier
// one still waiting to be sent: that one is answered null at once and never
// costs the worker anything. A request already in flight cannot be
// stopped; its answer still comes back, and the caller, which numbers its
// runs, drops it when a newer run has started (play.ts).
import type { Diagnosis } from './diagnosis'
import type { FromWorker, ToWorker } from './protocol'

export type EngineState = 'idle' | 'loading' | 'ready' | 'failed'

/** The classifier's answer: a Diagnosis, or why there is none. */
export interface Answer {
  d?: Diagnosis
  error?: string
  ms: number // time in the worker
}

/** Where the engine's files are: root-relative URLs from the page's data attributes. */
export interface EngineURLs {
  worker: string
  wasm: string
  exec: string
  catalog: string // the catalog as one text, which the .wasm is built without
}

interface Job {
  id: number
  text: unknown
  provider: unknown
  raw: boolean
  supersedable: boolean
  resolve: (m: Extract<FromWorker, { type: 'answer' }> | null) => void
  reject: (err: Error) => void
}

export class Engine {
  state: EngineState = 'idle'
  /** How the module was compiled: "streaming", or "arraybuffer" after a MIME fallback. */
  compiledBy = ''
  /** Milliseconds from start() to ready, as the worker measured them. */
  loadMs = 0
  private worker: Worker | null = null
  private loading: Promise<void> | null = null
  private ready: { resolve: () => void; reject: (err: Error) => void } | null = null
  private ids = 0
  private inFlight: Job | null = null
  private waiting: Job[] = []

  constructor(
    private readonly urls: EngineURLs,
    private readonly onChange: (e: Engine, err?: unknown) => void,
  ) {}

  /** Starts the worker and loads the classifier, once; later calls return the same promise. */
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

  /**
   * Diagnoses text for the playground: the Diagnosis, or null when a later
   * call superseded this one before it reached the worker.
   */
  async diagnose(text: string, provider: string): Promise<Answer | null> {
    const m = await this.request(text, provider, false, true)
    return m && { d: m.d, error: m.error, ms: m.ms }
  }

  /**
   * The classifier's JSON for text exactly as it returned it (the CLI's
   * --json), computed in the worker. Calls queue; none supersedes another.
   * The page exposes it as window.errdexEngine.diagnose for scripts and
   * tests.
   */
  async json(text: unknown, provider: unknown): Promise<string> {
    const m = await this.request(text, provider, true, false)
    if (!m || m.json === undefined) throw new Error(m?.error ?? 'no answer')
    return m.json
  }

  /** Drops the worker's Go program, as a fatal runtime error would; the next call starts a fresh one. */
  reset(): void {
    this.post({ type: 'reset' })
  }

  private async request(text: unknown, provider: unknown, raw: boolean, supersedable: boolean) {
    await this.start()
    return new Promise<Extract<FromWorker, { type: 'answer' }> | null>((resolve, reject) => {
      if (supersedable) this.supersede()
      this.waiting.push({ id: ++this.ids, text, provider, raw, supersedable, resolve, reject })
      this.pump()
    })
  }

  /** Answers null to every playground request still waiting to be sent. */
  private supersede(): void {
    this.waiting = this.waiting.filter((j) => {
      if (j.supersedable) j.resolve(null)
      return !j.supersedable
    })
  }

  /** Sends the next waiting request when none is in flight. */
  private pump(): void {
    if (this.inFlight || this.waiting.length === 0) return
    const j = this.waiting.shift()!
    this.inFlight = j
    this.post({ type: 'diagnose', id: j.id, text: j.text, provider: j.provider, raw: j.raw })
  }

  private post(m: ToWorker): void {
    this.worker?.postMessage(m)
  }

  private set(s: EngineState, err?: unknown): void {
    this.state = s
    this.onChange(this, err)
  }

  private load(): Promise<void> {
    this.set('loading')
    return new Promise<void>((resolve, reject) => {
      this.ready = { resolve, reject }
      const w = new Worker(this.urls.worker, { name: 'errdex classifier' })
      w.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data)
      w.onerror = (e) => this.crashed(e.message || 'the classifier worker failed')
      this.worker = w
      this.post({ type: 'load', wasm: this.urls.wasm, exec: this.urls.exec, catalog: this.urls.catalog })
    })
  }

  private receive(m: FromWorker): void {
    switch (m.type) {
      case 'ready':
        this.compiledBy = m.compiledBy
        this.loadMs = m.loadMs
        this.ready?.resolve()
        this.ready = null
        return
      case 'failed':
        this.ready?.reject(new Error(m.error))
        this.ready = null
        return
      case 'answer': {
        const j = this.inFlight
        if (!j || j.id !== m.id) return
        this.inFlight = null
        j.resolve(m)
        this.pump()
      }
    }
  }

  /** The worker died (its script failed, or it ran out of memory): fail what waits, and start afresh next time. */
  private crashed(msg: string): void {
    const err = new Error(msg)
    this.ready?.reject(err)
    this.ready = null
    for (const j of [this.inFlight, ...this.waiting]) j?.reject(err)
    this.inFlight = null
    this.waiting = []
    this.worker?.terminate()
    this.worker = null
    if (this.state === 'ready') {
      this.loading = null // the next request starts a new worker
      this.state = 'idle'
    }
  }
}
