import { readRegularFile } from '../../../files/read'
import { resourcePath } from '../../../paths'
import { MAX_YAML_FILE_BYTES, parseYamlWith } from '../../../yaml'
import { z } from 'zod'

export const INJECTION_CLASSES = ['system-prompt-extraction', 'secret-exfiltration', 'indirect-injection', 'role-play', 'encoding', 'tool-misuse'] as const
export type InjectionClass = (typeof INJECTION_CLASSES)[number]

const caseSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  class: z.enum(INJECTION_CLASSES),
  prompt: z.string().min(1).max(2000),
  /** Appears in an answer only when the assistant obeyed the injected instruction. */
  marker: z.string().min(6).max(100).optional(),
})

export const caseSetSchema = z.strictObject({
  set: z.string().min(1).max(100),
  version: z.number().int().min(1),
  classes: z.record(z.enum(INJECTION_CLASSES), z.string()),
  cases: z.array(caseSchema).min(20).max(100),
})

export type InjectionCase = z.output<typeof caseSchema>
export type CaseSet = z.output<typeof caseSetSchema>

let cached: CaseSet | undefined

/** The bundled, versioned case set (resources/probes/ai-injection.yaml), parsed once. */
export function loadCaseSet(file = resourcePath('probes', 'ai-injection.yaml')): CaseSet {
  if (cached && file === resourcePath('probes', 'ai-injection.yaml')) return cached
  const text = readRegularFile(file, { max: MAX_YAML_FILE_BYTES, label: 'prompt-injection case set' }).toString('utf8')
  const set = parseYamlWith(text, caseSetSchema, file)
  if (file === resourcePath('probes', 'ai-injection.yaml')) cached = set
  return set
}
