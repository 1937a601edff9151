import { parentPort } from 'node:worker_threads'
import type { Answers } from '../engine/answers'
import type { Brief } from '../engine/brief'
import { type PdfOptions, renderPdf } from '../export/pdf'

/** A render worker: PDFs laid out off the request thread. Run through tsx by render-pool.server.ts. */

interface Job {
  id: number
  brief: Brief
  answers: Answers
  options: PdfOptions
}

parentPort?.on('message', async (job: Job) => {
  try {
    const pdf = await renderPdf(job.brief, job.answers, job.options)
    const bytes = new Uint8Array(pdf)
    parentPort?.postMessage({ id: job.id, ok: true, bytes }, [bytes.buffer])
  } catch (error) {
    parentPort?.postMessage({ id: job.id, ok: false, error: error instanceof Error ? error.message : String(error) })
  }
})
