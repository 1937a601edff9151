import { existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { positiveFromEnv } from '#app/lib/env.ts'
import type { RenderJob } from './render-job.ts'

/**
 * PDFs and decision-record zips are rendered in a small pool of worker
 * threads, so a render never holds the request thread (health checks and
 * pages go on answering), with a bounded queue: past it, the caller gets
 * RenderBusyError and answers 503 with Retry-After. Finished files are kept
 * in a bounded in-memory cache keyed by revision and options, since a
 * revision never changes.
 *
 * In production the worker is the compiled build/node/render-worker.js
 * (`npm run build`); elsewhere (development, tests) it is the TypeScript
 * source run through tsx, resolved from the working directory. This file sits
 * two folders below the repository root both as source (app/web) and in the
 * build (build/server), so the same relative paths find either.
 */

export const RENDER_WORKERS = positiveFromEnv(process.env.STACKBRIEF_RENDER_WORKERS, 2)
/** Renders waiting for a worker; one more is refused. */
export const RENDER_QUEUE = positiveFromEnv(process.env.STACKBRIEF_RENDER_QUEUE, 16)
export const RETRY_AFTER_SECONDS = 5
/** 64 MB of finished files (a brief's PDF is about 100 KB, its records' zip about 30 KB). */
const CACHE_BYTES = 64 * 1024 * 1024

export class RenderBusyError extends Error {
  constructor() {
    super(`Every render worker is busy and ${RENDER_QUEUE} renders are waiting. Try again in a few seconds.`)
    this.name = 'RenderBusyError'
  }
}

interface Pending {
  id: number
  message: { id: number; job: RenderJob }
  resolve: (bytes: Uint8Array) => void
  reject: (error: Error) => void
}

interface Slot {
  worker: Worker
  busy: Pending | null
}

const WORKER_SOURCE = fileURLToPath(new URL('../../app/web/render-worker.ts', import.meta.url))
const WORKER_BUILT = fileURLToPath(new URL('../../build/node/render-worker.js', import.meta.url))

let slots: Slot[] | null = null
const queue: Pending[] = []
let nextId = 1
/** Renders started since the process began; a cached file starts none. */
let renders = 0
const cache = new Map<string, Uint8Array>()
let cachedBytes = 0

/**
 * The file for a revision (`key` names the revision, the kind of file and its
 * options), from the cache or a worker. `prepare` gathers the render's input
 * and runs only on a cache miss, so a cached file costs no database reads.
 */
export async function renderOffThread(key: string, prepare: () => RenderJob | Promise<RenderJob>): Promise<Uint8Array> {
  const hit = cache.get(key)
  if (hit) {
    cache.delete(key)
    cache.set(key, hit)
    return hit
  }
  const bytes = await enqueue(await prepare())
  remember(key, bytes)
  return bytes
}

/** Workers busy, renders waiting and renders started, for tests and the load script. */
export function renderPoolState() {
  return { workers: slots?.length ?? 0, busy: slots?.filter((s) => s.busy).length ?? 0, queued: queue.length, renders }
}

function enqueue(job: RenderJob): Promise<Uint8Array> {
  const pool = ensurePool()
  const free = pool.find((s) => !s.busy)
  if (!free && queue.length >= RENDER_QUEUE) return Promise.reject(new RenderBusyError())
  return new Promise((resolve, reject) => {
    const id = nextId++
    const pending: Pending = { id, message: { id, job }, resolve, reject }
    if (free) start(free, pending)
    else queue.push(pending)
  })
}

function start(slot: Slot, job: Pending) {
  renders++
  slot.busy = job
  slot.worker.postMessage(job.message)
}

function ensurePool(): Slot[] {
  if (slots) return slots
  const built = process.env.NODE_ENV === 'production' && existsSync(WORKER_BUILT)
  if (!built && !existsSync(WORKER_SOURCE)) throw new Error(`the render worker is missing at ${WORKER_SOURCE}`)
  slots = Array.from({ length: RENDER_WORKERS }, () => spawn(built))
  return slots
}

function spawn(built: boolean): Slot {
  const worker = built ? new Worker(WORKER_BUILT) : new Worker(tsxBoot(WORKER_SOURCE), { eval: true })
  worker.unref()
  const slot: Slot = { worker, busy: null }
  worker.on('message', (reply: { id: number; ok: boolean; bytes?: Uint8Array; error?: string }) => {
    const job = slot.busy
    if (!job || job.id !== reply.id) return
    slot.busy = null
    if (reply.ok && reply.bytes) job.resolve(reply.bytes)
    else job.reject(new Error(reply.error ?? 'the file could not be rendered'))
    const waiting = queue.shift()
    if (waiting) start(slot, waiting)
  })
  worker.on('error', (error) => {
    slot.busy?.reject(error)
    slot.busy = null
  })
  worker.on('exit', () => {
    // A worker that died is replaced; its job has been failed by 'error' above.
    if (!slots) return
    const index = slots.indexOf(slot)
    if (index >= 0) {
      const replacement = spawn(built)
      slots[index] = replacement
      const waiting = queue.shift()
      if (waiting) start(replacement, waiting)
    }
  })
  return slot
}

/** tsx's loader registered inside the worker: an --import flag does not reach worker threads on Node 20. */
function tsxBoot(source: string): string {
  const url = JSON.stringify(pathToFileURL(source).href)
  return `import('tsx/esm/api').then(({ register }) => { register(); return import(${url}) }).catch((error) => { console.error(error); process.exit(1) })`
}

function remember(key: string, bytes: Uint8Array) {
  if (bytes.byteLength > CACHE_BYTES / 4) return
  cache.set(key, bytes)
  cachedBytes += bytes.byteLength
  for (const [oldest, value] of cache) {
    if (cachedBytes <= CACHE_BYTES) break
    cache.delete(oldest)
    cachedBytes -= value.byteLength
  }
}
