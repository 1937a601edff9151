import { parentPort } from 'node:worker_threads'
import { type RenderJob, runRenderJob } from './render-job.ts'

/** A render worker: PDFs and record zips built off the request thread. Run through tsx by render-pool.server.ts. */

parentPort?.on('message', async ({ id, job }: { id: number; job: RenderJob }) => {
  try {
    const bytes = await runRenderJob(job)
    parentPort?.postMessage({ id, ok: true, bytes }, [bytes.buffer])
  } catch (error) {
    parentPort?.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) })
  }
})
