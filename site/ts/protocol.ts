// The messages between the playground page (engine.ts) and the classifier's
// worker (worker.ts). Types only: esbuild drops this file from both bundles.
import type { Diagnosis } from './diagnosis'

/** What the page asks. */
export type ToWorker =
  /** Load the classifier: Go's wasm_exec.js, the .wasm and the catalog's text, all same-origin. */
  | { type: 'load'; wasm: string; exec: string; catalog: string }
  /**
   * Diagnose text. With raw, the answer is the classifier's JSON as it
   * returned it (the CLI's --json); otherwise the worker parses it and
   * answers with the Diagnosis or the error, so the page parses nothing.
   */
  | { type: 'diagnose'; id: number; text: unknown; provider: unknown; raw: boolean }
  /** Drop the running Go program, as a fatal runtime error would; the next call starts a fresh one. */
  | { type: 'reset' }

/** What the worker answers. */
export type FromWorker =
  | { type: 'ready'; compiledBy: string; loadMs: number }
  | { type: 'failed'; error: string }
  | { type: 'answer'; id: number; json?: string; d?: Diagnosis; error?: string; ms: number }
