import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useNavigation } from '@remix-run/react'
import { SiteLayout } from '#app/components/site-layout.tsx'
import { stepPath } from '#app/questionnaire/steps.ts'
import { createDraft } from '#app/services/drafts.server.ts'
import { workspaceFor } from '#app/web/request.server.ts'
import { getDb } from '#db/client.server.ts'

/**
 * /new: a start page whose button makes the draft. Reading the page (GET or
 * HEAD, a crawler or a link preview) creates nothing; the POST creates an
 * empty draft and sends the founder to its first step, whose address resumes it.
 */
export function loader() {
  return null
}

export async function action({ context }: ActionFunctionArgs) {
  const draft = await createDraft(await getDb(), { workspaceId: await workspaceFor(context, 'brief:create') })
  return redirect(stepPath(draft.id, 'product'), { headers: { 'Cache-Control': 'no-store' } })
}

export const meta: MetaFunction = () => [
  { title: 'Start a brief · stackbrief' },
  {
    name: 'description',
    content: 'Answer six short steps about your product, team, load, data, compliance and budget.',
  },
]

export default function NewBrief() {
  const navigation = useNavigation()
  const starting = navigation.state !== 'idle' && navigation.formAction === '/new'
  return (
    <SiteLayout>
      <h1>Start a brief</h1>
      <p>
        Six short steps: the product, the team, the load, the data, compliance and the budget. Every answer is saved as
        you go, so you can stop and come back to the draft&apos;s address.
      </p>
      <Form method="post" action="/new" className="hero__actions">
        <button type="submit" className="button button--large" disabled={starting}>
          {starting ? 'Starting…' : 'Start the questionnaire'}
        </button>
      </Form>
    </SiteLayout>
  )
}
