import type { MethodInput, MethodName, MethodOutput } from '@shared/contract'
import type { Result } from '@shared/errors'
import type { AppEvent } from '@shared/events'
import { SseParser, backoffMs } from './sse'
import { TransportError, type Transport } from './types'

export interface HttpTransportOptions {
  /** The server origin, e.g. http://127.0.0.1:5173 ('' for same-origin). */
  baseUrl: string
  /** The API token for a programmatic client; without one, the browser's session cookie is the credential. */
  token?: string
  fetch?: typeof fetch
  /** An answer already asked for (renderer/src/boot.ts), taken once, for a call made with no input. */
  early?: (method: string) => Promise<Response> | undefined
}

const UNREACHABLE = 'The console server is not answering: it may have stopped. Start it again (npm start or handover serve) and open the address it prints.'
const REFUSED = 'The console refused this session (403). Start `handover serve` again and open the new address it prints: each address works once.'

/** Browser mode: `POST /api/<method>` with the session cookie (or a bearer token), events over one streamed GET. */
export function createHttpTransport(opts: HttpTransportOptions): Transport {
  const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis)
  const auth: Record<string, string> = opts.token ? { authorization: `Bearer ${opts.token}` } : {}

  async function send(method: MethodName, input: unknown): Promise<Response> {
    const early = input === undefined ? opts.early?.(method) : undefined
    if (early) {
      try {
        return await early
      } catch {
        // the early request failed: ask again below, as if there had been none
      }
    }
    return doFetch(`${opts.baseUrl}/api/${method}`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    })
  }

  async function call<M extends MethodName>(method: M, input?: MethodInput<M>): Promise<MethodOutput<M>> {
    let res: Response
    try {
      res = await send(method, input)
    } catch {
      throw new TransportError({ code: 'unavailable', message: UNREACHABLE })
    }
    if (res.status === 403) throw new TransportError({ code: 'unavailable', message: REFUSED })
    let body: Result<MethodOutput<M>>
    try {
      body = (await res.json()) as Result<MethodOutput<M>>
    } catch {
      throw new TransportError({ code: 'internal', message: `The server answered ${res.status} without JSON` })
    }
    if (!body.ok) throw new TransportError(body.error)
    return body.value
  }

  function subscribe(handler: (e: AppEvent) => void, sub: Parameters<Transport['subscribe']>[1] = {}): () => void {
    let stopped = false
    let ctrl: AbortController | null = null
    let timer: ReturnType<typeof setTimeout> | null = null
    let attempt = 0

    async function connect(): Promise<void> {
      ctrl = new AbortController()
      try {
        const res = await doFetch(`${opts.baseUrl}/api/events`, { headers: auth, signal: ctrl.signal })
        if (!res.ok || !res.body) throw new Error(`event stream answered ${res.status}`)
        if (attempt > 0) sub.onResync?.()
        attempt = 0
        sub.onStatus?.('connected')
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
        const parser = new SseParser()
        for (;;) {
          const { done, value } = await reader.read()
          if (done) break
          for (const data of parser.push(value)) {
            try {
              handler(JSON.parse(data) as AppEvent)
            } catch {
              // a malformed event is dropped; the next refetch repairs state
            }
          }
        }
      } catch {
        // network drop or abort: handled below
      }
      if (stopped) return
      sub.onStatus?.('reconnecting')
      timer = setTimeout(() => void connect(), backoffMs(attempt++))
    }

    void connect()
    return () => {
      stopped = true
      if (timer) clearTimeout(timer)
      ctrl?.abort()
    }
  }

  return { kind: 'http', call, subscribe }
}
