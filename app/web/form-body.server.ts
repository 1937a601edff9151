import { drainBody, readAtMost } from './bounded-body.server.ts'

/**
 * Form bodies for every page action, read the way the JSON API reads its
 * bodies: the content type checked (415), the size checked by Content-Length
 * before anything is read and by the bytes actually read (413, never holding
 * more than the limit), the body parsed (400 for broken multipart), and no
 * field holding a NUL character (422 naming the field; PostgreSQL cannot
 * store one in text, and no one types one). Each refusal is a Response the
 * route's error boundary shows inside the page's own layout.
 */

/** 256 KB, as for the API: the largest form (a questionnaire step) is under 4 KB. */
export const MAX_FORM_BYTES = 256 * 1024

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data']

/** A refusal an action throws; the route's error boundary shows `message` in the page layout. */
export function pageError(
  status: number,
  statusText: string,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(message, {
    status,
    statusText,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  })
}

export async function readForm(request: Request, maxBytes = MAX_FORM_BYTES): Promise<FormData> {
  const contentType = request.headers.get('content-type') ?? ''
  const type = contentType.split(';')[0].trim().toLowerCase()
  if (!FORM_TYPES.includes(type)) {
    drainBody(request.body)
    throw pageError(
      415,
      'Unsupported Media Type',
      `This form is sent as ${FORM_TYPES.join(' or ')}, not ${type ? `“${type.slice(0, 60)}”` : 'a body without a type'}. Go back and send it from the page.`,
    )
  }
  const declared = request.headers.get('content-length')
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) {
    drainBody(request.body)
    throw tooLarge(maxBytes)
  }
  let bytes: Uint8Array | null
  try {
    bytes = await readAtMost(request.body, maxBytes)
  } catch {
    throw pageError(400, 'Bad Request', 'The form stopped arriving before it was complete. Send it again.')
  }
  if (bytes === null) throw tooLarge(maxBytes)
  let form: FormData
  try {
    if (type === 'multipart/form-data') {
      form = await new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]), {
        headers: { 'Content-Type': contentType },
      }).formData()
    } else {
      form = new FormData()
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
      for (const [name, value] of new URLSearchParams(text)) form.append(name, value)
    }
  } catch {
    throw pageError(400, 'Bad Request', 'This form arrived broken and could not be read. Go back and send it again.')
  }
  for (const [name, value] of form) {
    if (typeof value === 'string' && value.includes('\u0000')) {
      throw pageError(
        422,
        'Unprocessable Content',
        `${fieldLabel(name)}: expected text without NUL characters, got a NUL character. Remove it and send the form again.`,
      )
    }
  }
  return form
}

function fieldLabel(name: string): string {
  const clean = name.replace(/[^\w.[\]-]/g, '').slice(0, 60)
  return clean ? `The field “${clean}”` : 'A field'
}

function tooLarge(maxBytes: number): Response {
  return pageError(
    413,
    'Content Too Large',
    `This form sent more than ${Math.round(maxBytes / 1024)} KB, the most a form takes. Nothing was saved; shorten what you typed and send it again.`,
    { Connection: 'close' },
  )
}
