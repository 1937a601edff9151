import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STEP_SCHEMAS } from '#app/questionnaire/schemas.ts'
import { action as editAction } from '#app/routes/briefs.$id.revisions.$n.edit.tsx'
import { action as stepAction, loader as stepLoader } from '#app/routes/drafts.$id.$step.tsx'
import { action as reviewAction, loader as reviewLoader } from '#app/routes/drafts.$id.review.tsx'
import { loader as resumeLoader } from '#app/routes/drafts.$id.tsx'
import { action as newAction, loader as newLoader } from '#app/routes/new.tsx'
import { createBrief, getBrief, listRevisions } from '#app/services/briefs.server.ts'
import { getDraft } from '#app/services/drafts.server.ts'
import { type Db, setDbForTests } from '#db/client.server.ts'
import { LOCAL_WORKSPACE_ID } from '#db/migrations/0001-initial.ts'
import { buildAnswers } from '#tests/support/answers.ts'
import { testDatabases } from '#tests/support/databases.ts'
import { asLocalOwner } from '#tests/support/identity.ts'

/**
 * The questionnaire's routes against real databases: each step's action with
 * bad and good input, the conditional fields, generating a brief and a second
 * revision, and the 404s. Loaders and actions are called with real Requests.
 */

type Fields = [string, string][]

/** A founder in a hurry: every step answered, defaults kept where there are any. */
const ANSWERS: Record<string, Fields> = {
  product: [
    ['name', 'Tallybook'],
    ['summary', 'Bookkeepers will pay to close a client’s month in an afternoon.'],
    ['shape', 'b2b_saas'],
    ['sellsTo', 'organizations'],
    ['clients', 'web'],
    ['realtime', 'none'],
  ],
  team: [
    ['engineers', '3'],
    ['engineersIn12Months', ''],
    ['languages', 'typescript'],
    ['opsExperience', 'some'],
  ],
  load: [
    ['activeUsersAtLaunch', '200'],
    ['activeUsersIn12Months', '5,000'],
    ['peakRequestsPerSecond', ''],
    ['readWriteProfile', 'read_heavy'],
    ['dataVolumeGbIn12Months', '5'],
    ['longestTaskSeconds', '2'],
  ],
  data: [
    ['kinds', 'relational'],
    ['timeseriesEventsPerSecond', '0'],
    ['vectorCount', '0'],
  ],
  compliance: [
    ['markets', 'eu'],
    ['identity', 'organizations'],
    ['payments', 'subscriptions'],
  ],
  budget: [
    ['monthlyInfraUsd', '$300'],
    ['hosting', 'managed_paas'],
    ['weeksToLaunch', '12'],
  ],
}

function request(path: string, fields?: Fields): Request {
  return fields
    ? new Request(`http://localhost${path}`, { method: 'POST', body: new URLSearchParams(fields) })
    : new Request(`http://localhost${path}`)
}

interface DataResult<T> {
  data: T
  init: ResponseInit | null
}

/** `data(value, init)` results have a body and a status; a plain object has status 200. */
function unwrap<T>(result: T | DataResult<T> | Response): { status: number; body: T } {
  if (result instanceof Response) throw new Error(`expected data, got a ${result.status} response`)
  if (result && typeof result === 'object' && 'init' in result && 'data' in result) {
    return { status: result.init?.status ?? 200, body: result.data }
  }
  return { status: 200, body: result as T }
}

function location(result: unknown): string {
  if (!(result instanceof Response)) throw new Error('expected a redirect Response')
  expect(result.status).toBe(302)
  return result.headers.get('Location') ?? ''
}

async function thrown(run: () => Promise<unknown>): Promise<Response> {
  try {
    await run()
  } catch (error) {
    if (error instanceof Response) return error
    throw error
  }
  throw new Error('expected a thrown Response')
}

async function startDraft(): Promise<string> {
  const to = location(await newAction({ request: request('/new', []), params: {}, context: asLocalOwner() }))
  const match = /^\/drafts\/(d_[a-z2-7]{16})\/product$/.exec(to)
  expect(match, `redirect to ${to}`).not.toBeNull()
  return match?.[1] ?? ''
}

function saveStep(id: string, step: string, fields: Fields) {
  return stepAction({
    request: request(`/drafts/${id}/${step}`, fields),
    params: { id, step },
    context: asLocalOwner(),
  })
}

async function answerEverything(id: string) {
  for (const [step, fields] of Object.entries(ANSWERS)) {
    expect(location(await saveStep(id, step, fields))).toMatch(new RegExp(`^/drafts/${id}/`))
  }
}

const dbs = await testDatabases()

describe.each(dbs)('questionnaire routes on $name', (t) => {
  let db: Db
  let cleanup: () => Promise<void>
  const workspaceId = LOCAL_WORKSPACE_ID

  beforeAll(async () => {
    ;({ db, cleanup } = await t.open())
    setDbForTests(db)
  })

  afterAll(async () => {
    setDbForTests(undefined)
    await cleanup()
  })

  it('reading /new creates nothing; its button (a POST) creates a draft and redirects to its first step', async () => {
    const before = await db.db.selectFrom('drafts').select(db.db.fn.countAll().as('n')).executeTakeFirstOrThrow()
    expect(await newLoader()).toBeNull()
    const after = await db.db.selectFrom('drafts').select(db.db.fn.countAll().as('n')).executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))
    const id = await startDraft()
    const draft = await getDraft(db, { workspaceId, draftId: id })
    expect(draft).toMatchObject({ id, briefId: null, answers: {}, step: 'product' })
  })

  it('prefills a step with the defaults the Answers schema documents', async () => {
    const id = await startDraft()
    const product = unwrap(
      await stepLoader({
        request: request(`/drafts/${id}/product`),
        params: { id, step: 'product' },
        context: asLocalOwner(),
      }),
    )
    expect(product.body.values).toEqual({ clients: ['web'], realtime: 'none' })
    const load = unwrap(
      await stepLoader({
        request: request(`/drafts/${id}/load`),
        params: { id, step: 'load' },
        context: asLocalOwner(),
      }),
    )
    expect(load.body.values).toEqual({
      readWriteProfile: 'read_heavy',
      longestTaskSeconds: '2',
    })
    const budget = unwrap(
      await stepLoader({
        request: request(`/drafts/${id}/budget`),
        params: { id, step: 'budget' },
        context: asLocalOwner(),
      }),
    )
    expect(budget.body.values).toEqual({ hosting: 'no_preference', weeksToLaunch: '12' })
    expect(product.body.completed).toEqual([])
  })

  it('answers bad input with 400, an error per field and every typed value kept', async () => {
    const id = await startDraft()
    const typed: Fields = [
      ['name', '  '],
      ['summary', 'Kept as typed'],
      ['sellsTo', 'both'],
      ['realtime', 'some'],
    ]
    const { status, body } = unwrap(await saveStep(id, 'product', typed))
    expect(status).toBe(400)
    const result = (body as { result: { status: string; error: Record<string, string[]>; initialValue: unknown } })
      .result
    expect(result.status).toBe('error')
    expect(Object.keys(result.error).sort()).toEqual(['clients', 'name', 'shape'])
    expect(result.error.name).toEqual(['Expected text, got nothing.'])
    expect(result.error.shape).toEqual(['Choose one of the options.'])
    // No box ticked means none, not the file default of [web].
    expect(result.error.clients).toEqual(['Tick at least one.'])
    expect(result.initialValue).toEqual({ name: '  ', summary: 'Kept as typed', sellsTo: 'both', realtime: 'some' })

    const draft = await getDraft(db, { workspaceId, draftId: id })
    expect(draft?.answers.product).toEqual({ name: '  ', summary: 'Kept as typed', sellsTo: 'both', realtime: 'some' })
    expect(draft?.step).toBe('product')
  })

  it('names what was typed when a number is not one', async () => {
    const id = await startDraft()
    const { status, body } = unwrap(
      await saveStep(id, 'team', [
        ['engineers', 'three'],
        ['languages', 'go'],
      ]),
    )
    expect(status).toBe(400)
    const result = (body as { result: { error: Record<string, string[]> } }).result
    expect(result.error).toEqual({ engineers: ['Expected a number, got "three".'] })
  })

  it("answers Conform checking one field on blur with that field's result, saving what was typed but staying put", async () => {
    const id = await startDraft()
    const { status, body } = unwrap(
      await saveStep(id, 'team', [
        ['engineers', '0'],
        ['languages', 'go'],
        ['__intent__', JSON.stringify({ type: 'validate', payload: { name: 'engineers' } })],
      ]),
    )
    expect(status).toBe(200)
    const result = (body as { result: { status?: string; error: Record<string, string[]> } }).result
    expect(result.status).toBeUndefined()
    expect(result.error.engineers).toEqual(['Expected a number of at least 1, got "0".'])
    const draft = await getDraft(db, { workspaceId, draftId: id })
    expect(draft?.answers.team).toEqual({ engineers: '0', languages: ['go'] })
    expect(draft?.step).toBe('team')
  })

  it('names the languages in the main-language question, not "None"', async () => {
    const id = await startDraft()
    const { body } = unwrap(
      await stepLoader({
        request: request(`/drafts/${id}/team`),
        params: { id, step: 'team' },
        context: asLocalOwner(),
      }),
    )
    const main = body.questions.find((q) => q.name === 'primaryLanguage')
    expect(main?.options?.slice(0, 3).map((o) => o.label)).toEqual(['TypeScript', 'JavaScript', 'Ruby'])
  })

  it('hands the page its questions as words, options included', async () => {
    const id = await startDraft()
    const { body } = unwrap(
      await stepLoader({
        request: request(`/drafts/${id}/compliance`),
        params: { id, step: 'compliance' },
        context: asLocalOwner(),
      }),
    )
    const identity = body.questions.find((q) => q.name === 'identity')
    expect(identity?.kind).toBe('one-of')
    expect(identity?.options?.map((o) => o.label)).toEqual([
      'Personal accounts',
      'Organizations',
      'Organizations with teams',
      'Users in several organizations',
    ])
    expect(identity?.why.length).toBeGreaterThan(10)
    expect(identity?.guide).toBe('day-one')
  })

  it('saves a good step, moves the resume point on and redirects to the next step', async () => {
    const id = await startDraft()
    expect(location(await saveStep(id, 'product', ANSWERS.product))).toBe(`/drafts/${id}/team`)
    const draft = await getDraft(db, { workspaceId, draftId: id })
    expect(draft?.step).toBe('team')
    expect(draft?.answers.product).toMatchObject({ name: 'Tallybook', shape: 'b2b_saas', clients: ['web'] })
    expect(
      location(await resumeLoader({ request: request(`/drafts/${id}`), params: { id }, context: asLocalOwner() })),
    ).toBe(`/drafts/${id}/team`)
    const again = unwrap(
      await stepLoader({
        request: request(`/drafts/${id}/product`),
        params: { id, step: 'product' },
        context: asLocalOwner(),
      }),
    )
    expect(again.body.values).toMatchObject({ name: 'Tallybook' })
    expect(again.body.completed).toEqual(['product'])
  })

  it('ignores a conditional field whose kind of data is not ticked, and judges it when it is', async () => {
    const id = await startDraft()
    const stale: Fields = [
      ['kinds', 'relational'],
      ['timeseriesEventsPerSecond', 'lots'],
      ['vectorCount', '-3'],
    ]
    expect(location(await saveStep(id, 'data', stale))).toBe(`/drafts/${id}/compliance`)

    const { status, body } = unwrap(
      await saveStep(id, 'data', [
        ['kinds', 'relational'],
        ['kinds', 'timeseries'],
        ['timeseriesEventsPerSecond', 'lots'],
        ['vectorCount', '-3'],
      ]),
    )
    expect(status).toBe(400)
    const result = (body as { result: { error: Record<string, string[]> } }).result
    expect(Object.keys(result.error)).toEqual(['timeseriesEventsPerSecond'])
  })

  it('has one schema per step, each the Answers section it asks about', () => {
    expect(Object.keys(STEP_SCHEMAS)).toEqual([
      'product',
      'team',
      'load',
      'data',
      'compliance',
      'budget',
      'ai',
      'operations',
    ])
  })

  it('lists what is missing when generating too early, with the steps to fix it', async () => {
    const id = await startDraft()
    await saveStep(id, 'product', ANSWERS.product)
    const { status, body } = unwrap(
      await reviewAction({ request: request(`/drafts/${id}/review`, []), params: { id }, context: asLocalOwner() }),
    )
    expect(status).toBe(400)
    const problems = (body as { problems: { label: string; message: string; href: string }[] }).problems
    expect(problems.map((p) => p.href)).toEqual(
      ['team', 'load', 'data', 'compliance', 'budget'].map((step) => `/drafts/${id}/${step}`),
    )
    expect(problems.every((p) => p.message === 'Not answered yet.')).toBe(true)
  })

  it('generates revision 1 from a finished draft, then revision 2 from edited answers', async () => {
    const id = await startDraft()
    await answerEverything(id)

    const review = unwrap(
      await reviewLoader({ request: request(`/drafts/${id}/review`), params: { id }, context: asLocalOwner() }),
    )
    const sections = review.body.sections
    expect(sections.map((s) => [s.section, s.status])).toEqual([
      ['product', 'complete'],
      ['team', 'complete'],
      ['load', 'complete'],
      ['data', 'complete'],
      ['compliance', 'complete'],
      ['budget', 'complete'],
      ['ai', 'missing'],
      ['operations', 'missing'],
    ])
    const team = sections.find((s) => s.section === 'team')
    expect(team?.status === 'complete' && team.rows.find((r) => r.name === 'engineersIn12Months')?.value).toBe(
      '3 (same as now)',
    )
    const data = sections.find((s) => s.section === 'data')
    expect(data?.status === 'complete' && data.rows.map((r) => r.name)).toEqual(['kinds', 'sensitive', 'auditTrail'])

    const to = location(
      await reviewAction({ request: request(`/drafts/${id}/review`, []), params: { id }, context: asLocalOwner() }),
    )
    const briefId = /^\/briefs\/(b_[a-z2-7]{16})$/.exec(to)?.[1] ?? ''
    expect(briefId, `redirect to ${to}`).not.toBe('')
    const saved = await getBrief(db, { workspaceId, briefId })
    expect(saved?.headRevision).toBe(1)
    expect(saved?.head.answers.load.activeUsersIn12Months).toBe(5000)
    expect(saved?.head.answers.budget.monthlyInfraUsd).toBe(300)
    expect(saved?.head.answers.team.engineersIn12Months).toBe(3)
    expect(await getDraft(db, { workspaceId, draftId: id })).toBeNull()
    // Sent again (a double click, a resent form): the brief the first made, not a second one.
    const again = location(
      await reviewAction({ request: request(`/drafts/${id}/review`, []), params: { id }, context: asLocalOwner() }),
    )
    expect(again).toBe(to)

    const edit = location(
      await editAction({
        request: request(`/briefs/${briefId}/revisions/1/edit`, []),
        params: { id: briefId, n: '1' },
        context: asLocalOwner(),
      }),
    )
    const editId = /^\/drafts\/(d_[a-z2-7]{16})\/product$/.exec(edit)?.[1] ?? ''
    const editDraft = await getDraft(db, { workspaceId, draftId: editId })
    expect(editDraft?.briefId).toBe(briefId)
    expect(editDraft?.answers.product).toMatchObject({ name: 'Tallybook', clients: ['web'] })
    expect(editDraft?.answers.budget).toMatchObject({ monthlyInfraUsd: '300', hosting: 'managed_paas' })

    const budget = unwrap(
      await stepLoader({
        request: request(`/drafts/${editId}/budget`),
        params: { id: editId, step: 'budget' },
        context: asLocalOwner(),
      }),
    )
    expect(budget.body.revising).toEqual({ briefId, title: 'Tallybook' })
    await saveStep(editId, 'budget', [
      ['monthlyInfraUsd', '900'],
      ['hosting', 'managed_paas'],
      ['weeksToLaunch', '12'],
    ])
    const second = location(
      await reviewAction({
        request: request(`/drafts/${editId}/review`, []),
        params: { id: editId },
        context: asLocalOwner(),
      }),
    )
    expect(second).toBe(`/briefs/${briefId}/revisions/2`)
    const secondAgain = location(
      await reviewAction({
        request: request(`/drafts/${editId}/review`, []),
        params: { id: editId },
        context: asLocalOwner(),
      }),
    )
    expect(secondAgain).toBe(second)
    const revisions = await listRevisions(db, { workspaceId, briefId })
    expect(revisions?.items.map((r) => r.number)).toEqual([2, 1])
    expect((await getBrief(db, { workspaceId, briefId }))?.head.answers.budget.monthlyInfraUsd).toBe(900)
  })

  it('puts the main language first, whatever order the boxes come in', async () => {
    const id = await startDraft()
    await answerEverything(id)
    await saveStep(id, 'team', [
      ['engineers', '4'],
      ['languages', 'typescript'],
      ['languages', 'go'],
      ['primaryLanguage', 'go'],
      ['opsExperience', 'some'],
    ])
    const to = location(
      await reviewAction({ request: request(`/drafts/${id}/review`, []), params: { id }, context: asLocalOwner() }),
    )
    const briefId = to.split('/').pop() ?? ''
    const saved = await getBrief(db, { workspaceId, briefId })
    expect(saved?.head.answers.team.languages).toEqual(['go', 'typescript'])
    const framework = saved?.head.brief.decisions.find((d) => d.area === 'framework')
    expect(framework?.choice.id).toBe('go_stdlib')
  })

  it('takes the optional AI and operations steps from the review, and keeps them through an edit', async () => {
    const id = await startDraft()
    await answerEverything(id)
    const half = await saveStep(id, 'ai', [['llmCallsPerActiveUserPerMonth', '40']])
    expect(unwrap(half as never).status).toBe(400)
    expect(
      location(
        await saveStep(id, 'ai', [
          ['llmCallsPerActiveUserPerMonth', '40'],
          ['tokensPerCall', '3,000'],
        ]),
      ),
    ).toBe(`/drafts/${id}/review`)
    expect(
      location(
        await saveStep(id, 'operations', [
          ['uptimeTarget', '99.9'],
          ['restoreWithinHours', '4'],
          ['maxDataLossMinutes', '5'],
        ]),
      ),
    ).toBe(`/drafts/${id}/review`)
    const to = location(
      await reviewAction({ request: request(`/drafts/${id}/review`, []), params: { id }, context: asLocalOwner() }),
    )
    const briefId = to.split('/').pop() ?? ''
    const first = await getBrief(db, { workspaceId, briefId })
    expect(first?.head.answers.ai).toEqual({
      llmCallsPerActiveUserPerMonth: 40,
      tokensPerCall: 3000,
      embeddingsPerMonth: 0,
    })
    expect(first?.head.answers.operations).toEqual({
      uptimeTarget: '99.9',
      restoreWithinHours: 4,
      maxDataLossMinutes: 5,
    })
    expect(first?.head.brief.plan.components.some((c) => c.area === 'llm')).toBe(true)

    const edit = location(
      await editAction({
        request: request(`/briefs/${briefId}/revisions/1/edit`, []),
        params: { id: briefId, n: '1' },
        context: asLocalOwner(),
      }),
    )
    const editId = edit.split('/')[2]
    await saveStep(editId, 'budget', [
      ['monthlyInfraUsd', '900'],
      ['hosting', 'managed_paas'],
      ['weeksToLaunch', '12'],
    ])
    location(
      await reviewAction({
        request: request(`/drafts/${editId}/review`, []),
        params: { id: editId },
        context: asLocalOwner(),
      }),
    )
    const second = await getBrief(db, { workspaceId, briefId })
    expect(second?.headRevision).toBe(2)
    expect(second?.head.answers.ai).toEqual(first?.head.answers.ai)
    expect(second?.head.answers.operations).toEqual(first?.head.answers.operations)
  })

  it('keeps a consultant override when the answers are edited through the questionnaire', async () => {
    const overrides = [{ area: 'email', choice: 'resend', reason: 'The client already sends with Resend.', by: 'Ana' }]
    const answers = { ...buildAnswers(), overrides } as ReturnType<typeof buildAnswers>
    const { brief } = await createBrief(db, { workspaceId, answers })
    const edit = location(
      await editAction({
        request: request(`/briefs/${brief.id}/revisions/1/edit`, []),
        params: { id: brief.id, n: '1' },
        context: asLocalOwner(),
      }),
    )
    const editId = edit.split('/')[2]
    await saveStep(editId, 'budget', [
      ['monthlyInfraUsd', '900'],
      ['hosting', 'managed_paas'],
      ['weeksToLaunch', '12'],
    ])
    location(
      await reviewAction({
        request: request(`/drafts/${editId}/review`, []),
        params: { id: editId },
        context: asLocalOwner(),
      }),
    )
    const second = await getBrief(db, { workspaceId, briefId: brief.id })
    expect(second?.headRevision).toBe(2)
    expect(second?.head.answers.budget.monthlyInfraUsd).toBe(900)
    expect(second?.head.answers.overrides).toEqual(overrides)
    expect(second?.head.brief.decisions.find((d) => d.area === 'email')?.choice.id).toBe('resend')
  })

  it('leaves an AI step saved empty out of the answers', async () => {
    const id = await startDraft()
    await answerEverything(id)
    expect(location(await saveStep(id, 'ai', []))).toBe(`/drafts/${id}/review`)
    const to = location(
      await reviewAction({ request: request(`/drafts/${id}/review`, []), params: { id }, context: asLocalOwner() }),
    )
    const saved = await getBrief(db, { workspaceId, briefId: to.split('/').pop() ?? '' })
    expect(saved?.head.answers.ai).toBeUndefined()
  })

  it.each([
    ['an unknown draft', 'd_aaaaaaaaaaaaaaaa', 'product'],
    ['a malformed draft id', '../etc', 'product'],
    ['an unknown step', null, 'pricing'],
  ])('answers %s with a 404', async (_case, givenId, step) => {
    const id = givenId ?? (await startDraft())
    const load = await thrown(() =>
      stepLoader({ request: request(`/drafts/${id}/${step}`), params: { id, step }, context: asLocalOwner() }),
    )
    expect(load.status).toBe(404)
    const save = await thrown(() => saveStep(id, step, ANSWERS.product))
    expect(save.status).toBe(404)
  })

  it('answers an unknown draft with 404 on resume and review too', async () => {
    const id = 'd_bbbbbbbbbbbbbbbb'
    expect(
      (await thrown(() => resumeLoader({ request: request(`/drafts/${id}`), params: { id }, context: asLocalOwner() })))
        .status,
    ).toBe(404)
    expect(
      (
        await thrown(() =>
          reviewLoader({ request: request(`/drafts/${id}/review`), params: { id }, context: asLocalOwner() }),
        )
      ).status,
    ).toBe(404)
    expect(
      (
        await thrown(() =>
          reviewAction({ request: request(`/drafts/${id}/review`, []), params: { id }, context: asLocalOwner() }),
        )
      ).status,
    ).toBe(404)
  })
})
