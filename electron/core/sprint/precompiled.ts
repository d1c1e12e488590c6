/**
 * The bundled sprint templates, parsed at build time: SHA-256 of a file's text → its YAML as
 * plain data. Empty in the source (tests parse the YAML); the main build fills it
 * (electron.vite.config.ts, `precompiledTemplates`). A file whose text differs from the build's
 * has no entry and is parsed as ever, so this only ever saves the parse (~100 ms cold, most of
 * `handover engagement list`'s start).
 */
export const PRECOMPILED: Record<string, unknown> = {}
