import type { Answers } from '#app/engine/answers.ts'
import type { Brief } from '#app/engine/brief.ts'
import { exportAdrHistory, type RevisionSnapshot } from '#app/export/adr/history.ts'
import { adrNotesFile } from '#app/export/adr/notes.ts'
import { zipRecords } from '#app/export/adr/zip.ts'
import type { NoteInput } from '#app/export/notes.ts'
import { type PdfOptions, renderPdf } from '#app/export/pdf.ts'

/** The heavy renders the worker pool runs: a brief's PDF, and a brief's decision records as a zip. */
export type RenderJob =
  | { kind: 'pdf'; brief: Brief; answers: Answers; options: PdfOptions }
  | {
      kind: 'adr_zip'
      snapshots: RevisionSnapshot[]
      options: Parameters<typeof exportAdrHistory>[1]
      /** The zip entries' date: the newest revision's. */
      date: string
      /** The notes that hold at the newest revision, written beside the records. */
      notes?: { revision: number; items: NoteInput[] }
    }

export async function runRenderJob(job: RenderJob): Promise<Uint8Array<ArrayBuffer>> {
  switch (job.kind) {
    case 'pdf':
      return new Uint8Array(await renderPdf(job.brief, job.answers, job.options))
    case 'adr_zip': {
      const notes =
        job.notes && adrNotesFile(job.notes.items, { briefId: job.options.briefId, revision: job.notes.revision })
      return zipRecords([...exportAdrHistory(job.snapshots, job.options), ...(notes ? [notes] : [])], {
        date: job.date,
      })
    }
  }
}
