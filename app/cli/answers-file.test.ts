import { describe, expect, it } from 'vitest'
import { detectFormat, locateJsonError } from './answers-file.ts'

describe('locateJsonError', () => {
  it.each([
    ['{"a": 1,}', 8, 'a field name in double quotes', '"}"'],
    ['{"a" 1}', 5, 'a colon after the field name', '"1"'],
    ['[1 2]', 3, 'a comma or ]', '"2"'],
    ['{"a": tru}', 6, 'a value (an object, list, string, number, true, false or null)', '"tru"'],
    ['{"a": "x', 8, 'a closing " for the string', 'the end of the file'],
    ['{"a": "x\ny"}', 8, 'no line breaks or control characters inside a string', '"\\n"'],
    ['{"a": "\\q"}', 8, 'an escape such as \\n, \\" or \\u00e9', '"q"'],
    ["{'a': 1}", 1, 'a field name in double quotes', `"'"`],
    ['{} {}', 3, 'the end of the file after the top-level value', '"{"'],
    ['', 0, 'a value (an object, list, string, number, true, false or null)', 'the end of the file'],
  ])('%j fails at %d: expected %s, got %s', (text, offset, expected, got) => {
    expect(locateJsonError(text)).toEqual({ offset, expected, got })
  })

  it.each(['{}', '[]', '{"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"]}', ' 0 '])('accepts %j', (text) => {
    expect(locateJsonError(text)).toBeNull()
  })
})

describe('detectFormat', () => {
  it.each([
    ['a.json', 'version: 1', 'json'],
    ['a.YML', '{}', 'yaml'],
    ['a.yaml', '{}', 'yaml'],
    ['answers', '  {"version": 1}', 'json'],
    ['answers.txt', 'version: 1', 'yaml'],
    ['-', '[1]', 'json'],
  ])('%s holding %j is %s', (file, text, format) => {
    expect(detectFormat(file, text)).toBe(format)
  })
})
