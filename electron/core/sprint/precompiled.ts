import type { Template } from '@shared/schemas/template'

/**
 * The bundled sprint templates, parsed and validated at build time (./precompile.ts): a file's
 * whole text → its template (the text itself is the key: an exact match, and no hashing, so
 * no crypto module, at run time). Empty in the source (tests parse the YAML); the main build
 * fills it (electron.vite.config.ts, `precompiledTemplates`). A file whose text differs from the
 * build's has no entry and is parsed and validated as ever, so this only ever saves the YAML
 * parse (~100 ms cold) and the schema's first validation (~15–25 ms), most of
 * `handover engagement list`'s start.
 */
export const PRECOMPILED = new Map<string, Template>()
