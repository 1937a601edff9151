import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { AnswersSchema } from '#app/engine/answers.ts'
import {
  describeValue,
  formatPath,
  formatProblem,
  formatProblems,
  parseWithProblems,
  problem,
  problemsFromError,
} from './problems.ts'

const VALID = {
  version: 1,
  product: { name: 'Shiftwise', shape: 'b2b_saas', sellsTo: 'organizations' },
  team: { engineers: 3, languages: ['typescript'] },
  load: { activeUsersAtLaunch: 300, activeUsersIn12Months: 8000 },
  budget: { monthlyInfraUsd: 400 },
}

function answersWith(change: (a: Record<string, Record<string, unknown>>) => void): unknown {
  const copy = structuredClone(VALID) as unknown as Record<string, Record<string, unknown>>
  change(copy)
  return copy
}

function lines(input: unknown): string[] {
  const parsed = parseWithProblems(AnswersSchema, input)
  return parsed.success ? [] : formatProblems(parsed.problems)
}

describe('problems from Answers v1', () => {
  it.each([
    [
      'a missing enum field names every allowed value',
      answersWith((a) => delete a.product.sellsTo),
      ['product.sellsTo: expected one of individuals, organizations, both, got nothing'],
    ],
    [
      'a missing number says so',
      answersWith((a) => delete a.load.activeUsersIn12Months),
      ['load.activeUsersIn12Months: expected a number, got nothing'],
    ],
    [
      'a wrong type quotes what was written',
      answersWith((a) => {
        a.team.engineers = 'three'
      }),
      ['team.engineers: expected a number, got "three"'],
    ],
    [
      'a fraction where a count belongs',
      answersWith((a) => {
        a.load.activeUsersAtLaunch = 2.5
      }),
      ['load.activeUsersAtLaunch: expected a whole number, got 2.5'],
    ],
    [
      'an unknown key lists the fields that exist there',
      answersWith((a) => {
        a.budget.currency = 'EUR'
      }),
      [
        'budget.currency: expected one of the fields monthlyInfraUsd, hosting, weeksToLaunch, got the unknown field "currency"',
      ],
    ],
    [
      'an unknown key behind a transform and a default still finds its fields',
      answersWith((a) => {
        a.team.managers = 1
        a.data = { kinds: ['relational'], colour: 'blue' }
      }),
      [
        'team.managers: expected one of the fields engineers, engineersIn12Months, languages, opsExperience, got the unknown field "managers"',
        'data.colour: expected one of the fields kinds, timeseriesEventsPerSecond, vectorCount, auditTrail, got the unknown field "colour"',
      ],
    ],
    [
      'a bad entry in a list carries its index',
      answersWith((a) => {
        a.team.languages = ['typescript', 'cobol']
      }),
      [
        'team.languages[1]: expected one of typescript, javascript, ruby, python, go, java, kotlin, php, elixir, csharp, rust, other, got "cobol"',
      ],
    ],
    [
      'bounds on numbers, text and lists',
      answersWith((a) => {
        a.product.name = '   '
        a.budget.monthlyInfraUsd = -1
        a.team.languages = []
      }),
      [
        'product.name: expected non-empty text, got ""',
        'team.languages: expected a list of at least 1 item, got an empty list',
        'budget.monthlyInfraUsd: expected a number of at least 0, got -1',
      ],
    ],
    [
      'the wrong schema version',
      answersWith((a) => {
        ;(a as Record<string, unknown>).version = 3
      }),
      ['version: expected one of 1, 2, got 3'],
    ],
    [
      'a section of the wrong shape',
      answersWith((a) => {
        ;(a as Record<string, unknown>).team = ['three engineers']
      }),
      ['team: expected a mapping of fields, got a list of 1 item'],
    ],
    ['a list instead of answers', [], ['(top level): expected a mapping of fields, got an empty list']],
  ])('%s', (_, input, expected) => {
    expect(lines(input)).toEqual(expected)
  })

  it('passes valid answers through, defaults filled', () => {
    const parsed = parseWithProblems(AnswersSchema, VALID)
    expect(parsed.success && parsed.data.compliance.markets).toEqual(['global'])
  })
})

describe('problem records', () => {
  it('carry path, expected, got and a message for a form field', () => {
    const p = problem('team.engineers', 'a number', '"three"')
    expect(p).toEqual({
      path: 'team.engineers',
      expected: 'a number',
      got: '"three"',
      message: 'expected a number, got "three"',
    })
    expect(formatProblem(p)).toBe('team.engineers: expected a number, got "three"')
  })

  it('fall back to "something else" when neither the issue nor the caller kept the input', () => {
    const result = z.strictObject({ n: z.number() }).safeParse({ n: 'x' })
    expect(result.success).toBe(false)
    if (!result.success) expect(problemsFromError(result.error)[0].got).toBe('something else')
  })

  it('word other zod checks too', () => {
    const schema = z.strictObject({
      id: z.string().regex(/^[a-z_]+$/, 'a snake_case id'),
      code: z.string().regex(/^\d+$/),
      step: z.number().multipleOf(5),
      few: z.array(z.number()).max(2),
      exact: z.string().length(3),
      small: z.number().lt(10),
    })
    const parsed = parseWithProblems(schema, {
      id: 'Bad Id',
      code: 'x',
      step: 7,
      few: [1, 2, 3],
      exact: 'ab',
      small: 10,
    })
    expect(parsed.success ? [] : formatProblems(parsed.problems)).toEqual([
      'id: expected a snake_case id, got "Bad Id"',
      'code: expected text matching /^\\d+$/, got "x"',
      'step: expected a multiple of 5, got 7',
      'few: expected a list of at most 2 items, got a list of 3 items',
      'exact: expected text of exactly 3 characters, got "ab"',
      'small: expected a number less than 10, got 10',
    ])
  })
})

describe('formatPath and describeValue', () => {
  it.each([
    [[], '(top level)'],
    [['product', 'name'], 'product.name'],
    [['product', 'clients', 2], 'product.clients[2]'],
    [['budget', 'my key'], 'budget["my key"]'],
  ])('%j is %s', (path, text) => {
    expect(formatPath(path)).toBe(text)
  })

  it.each([
    [undefined, 'nothing'],
    [null, 'null'],
    ['x', '"x"'],
    ['a'.repeat(80), `"${'a'.repeat(59)}…"`],
    [3, '3'],
    [2500, '2500'],
    [10_000_000_000, '10,000,000,000'],
    [false, 'false'],
    [[1], 'a list of 1 item'],
    [{}, 'a mapping of fields'],
  ])('%j reads as %s', (value, text) => {
    expect(describeValue(value)).toBe(text)
  })
})

describe('figures over their limits', () => {
  it('are answered in units with separators, never as a raw safe-integer bound', () => {
    const input = answersWith((a) => {
      a.load.dataVolumeGbIn12Months = 2_000_000_000
      a.load.activeUsersIn12Months = 1e17
      a.data = { vectorCount: 1e16 }
      a.budget.monthlyInfraUsd = 5e9
    })
    const text = lines(input)
    expect(text).toEqual([
      'load.activeUsersIn12Months: expected a whole number of at most 10,000,000,000 users, got 100,000,000,000,000,000',
      'load.dataVolumeGbIn12Months: expected a number of at most 1,000,000,000 GB, got 2,000,000,000',
      'data.vectorCount: expected a whole number of at most 1,000,000,000,000 embeddings, got 10,000,000,000,000,000',
      'budget.monthlyInfraUsd: expected a number of at most 1,000,000,000 US dollars a month, got 5,000,000,000',
    ])
    expect(text.join('\n')).not.toContain('9007199254740991')
  })

  it('a bound without words of its own still reads with separators', () => {
    const parsed = parseWithProblems(z.object({ n: z.number().max(25_000) }), { n: 30_000 })
    expect(parsed.success ? [] : formatProblems(parsed.problems)).toEqual([
      'n: expected a number of at most 25,000, got 30,000',
    ])
  })
})
