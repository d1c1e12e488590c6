import { z } from 'zod'

/** One commit: files written (added or changed), files deleted, and when. */
export const commitSchema = z.strictObject({
  message: z.string().min(1),
  /** path → full new content. */
  files: z.record(z.string().min(1), z.string()).default({}),
  delete: z.array(z.string().min(1)).default([]),
  /** `Name <email>`; default: the founder. */
  author: z.string().regex(/^[^<>]+ <[^<>@\s]+@[^<>\s]+>$/, 'expected "Name <email>"').optional(),
  /** ISO date; default: a fixed date plus one hour per commit (so hashes are reproducible). */
  date: z.iso.datetime({ offset: true }).optional(),
})

export const repoSchema = z.strictObject({
  branch: z.string().regex(/^[\w./-]+$/).default('main'),
  commits: z.array(commitSchema).min(1),
})

/** The scenario's top-level `repos:` section: repo name → its history. */
export const reposSchema = z.record(z.string().regex(/^[a-z0-9][a-z0-9._-]*$/i, 'a repo name is letters, digits, . _ -'), repoSchema)

export type ReposSpec = z.output<typeof reposSchema>
export type ReposInput = z.input<typeof reposSchema>
export type CommitSpec = z.output<typeof commitSchema>
