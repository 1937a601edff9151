import { describe, expect, it } from 'vitest'
import { MAX_REVISION_NUMBER } from '#app/services/briefs.server.ts'
import { actingAs } from './access.server.ts'
import { briefNotFound, parseRevisionNumber, requireExample, workspaceFor } from './request.server.ts'

describe('parseRevisionNumber', () => {
  it.each([
    ['1', 1],
    ['42', 42],
    // Past the nine digits pages once took, still a number the database's integer column holds.
    ['1000000000', 1_000_000_000],
    [String(MAX_REVISION_NUMBER), MAX_REVISION_NUMBER],
  ])('reads “%s” as %d', (text, number) => {
    expect(parseRevisionNumber(text)).toBe(number)
  })

  it.each([
    String(MAX_REVISION_NUMBER + 1),
    '99999999999',
    '0',
    '01',
    '-1',
    '+1',
    '1.5',
    '1e3',
    ' 1',
    '1 ',
    '٣',
    'latest',
    '',
    null,
    undefined,
  ])('refuses %j', (text) => {
    expect(parseRevisionNumber(text)).toBeNull()
  })
})

describe('the page helpers', () => {
  it('answers an unknown brief with one sentence', async () => {
    const response = briefNotFound('b_x')
    expect(response.status).toBe(404)
    expect(await response.text()).toBe('There is no brief with the id “b_x” in this workspace.')
  })

  it('answers an unknown example with a plain 404 naming it', async () => {
    expect(requireExample('b2b-saas').name).toBe('b2b-saas')
    let thrown: unknown
    try {
      requireExample('nope')
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(Response)
    expect((thrown as Response).status).toBe(404)
    expect(await (thrown as Response).text()).toBe('There is no example brief called "nope".\n')
  })

  it('gives a page the workspace of the identity, a 404 without one and a 403 for a role that may not', async () => {
    const identity = {
      userId: 'u_1',
      name: 'Someone',
      email: null,
      anonymous: false,
      workspaceId: 'w_1',
      role: 'viewer' as const,
      via: 'api-key' as const,
    }
    expect(await workspaceFor(actingAs(identity), 'brief:read')).toBe('w_1')
    await expect(workspaceFor(actingAs(identity), 'brief:revise')).rejects.toMatchObject({ status: 403 })
    await expect(workspaceFor({}, 'brief:read')).rejects.toMatchObject({ status: 404 })
  })
})
