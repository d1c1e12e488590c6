import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { contract } from '@shared/contract'
import { EVENT_CHANNEL, type AppEvent } from '@shared/events'
import type { Result } from '@shared/errors'
import { dispatch, type Core } from '../core/api'
import { isAppUrl, type AppLocation } from './app-url'

/** The slice of ipcMain we use, so registration is unit-tested without Electron. */
export type IpcLike = Pick<IpcMain, 'handle' | 'removeHandler'>

/** The slice of the invoke event we look at. */
export interface SenderInfo {
  senderFrame: { url: string } | null
}

/**
 * Only our own renderer may call: exactly the dev server's origin in development, exactly the
 * packaged index.html otherwise (see isAppUrl). Anything else (a navigated-away frame, a
 * sibling folder's page, another local server) is refused.
 */
export function makeSenderCheck(app: AppLocation): (e: SenderInfo) => boolean {
  return (e) => {
    const url = e.senderFrame?.url
    return !!url && isAppUrl(app, url)
  }
}

/**
 * Register one handler per contract method (the only place ipcMain.handle is called). Each
 * checks the sender, validates input with the contract's schema (in dispatch) and calls core.
 * A refused call is logged and answered with an error Result, never reaching core.
 */
export function registerIpc(
  ipc: IpcLike,
  core: Core,
  isTrusted: (e: SenderInfo) => boolean,
  log: (msg: string) => void = () => undefined,
): () => void {
  const names = Object.keys(contract)
  for (const name of names) {
    ipc.handle(name, async (event: IpcMainInvokeEvent | SenderInfo, input: unknown): Promise<Result<unknown>> => {
      if (!isTrusted(event as SenderInfo)) {
        log(`refused ${name}: untrusted sender ${(event as SenderInfo).senderFrame?.url ?? '(none)'}`)
        return { ok: false, error: { code: 'invalid_input', message: 'untrusted sender' } }
      }
      return dispatch(core, name, input)
    })
  }
  return () => names.forEach((n) => ipc.removeHandler(n))
}

/** Forward core events to a window's renderer on the one event channel. */
export function forwardEvents(core: Core, target: () => Pick<WebContents, 'send' | 'isDestroyed'> | undefined): () => void {
  return core.events.on((e: AppEvent) => {
    const wc = target()
    if (wc && !wc.isDestroyed()) wc.send(EVENT_CHANNEL, e)
  })
}
