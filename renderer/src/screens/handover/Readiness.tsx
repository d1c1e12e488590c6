import type { ReactNode } from 'react'
import { useActions, useApp } from '../../hooks/useStore'
import type { Route } from '../../store/ui'
import { plural } from '../../lib/format'
import { acceptanceState } from './acceptance'

/** At most this many open launch blockers are named; the rest are counted, on the board. */
const NAMED = 5

/** A link inside the app that writes the route (so Back returns here). */
function To({ route, href, children }: { route: Route; href: string; children: ReactNode }) {
  const { navigate } = useActions()
  return (
    <a
      href={href}
      onClick={(x) => {
        x.preventDefault()
        navigate(route)
      }}
    >
      {children}
    </a>
  )
}

/** One line of the summary: a coloured word (never colour alone), then what it means. */
function Line({ tone, word, children, testId }: { tone: 'pass' | 'warn' | 'fail' | 'info'; word: string; children: ReactNode; testId: string }) {
  return (
    <li data-testid={testId} data-tone={tone}>
      <span className={`st st-${tone} ho-word`}>{word}</span>
      <span className="ho-line">{children}</span>
    </li>
  )
}

/**
 * What a person checks before building: the verdict in the PDF's words, what blocks launch, what
 * needs attention, who signs, whether the founder accepted the newest bundle; then Build.
 */
export function Readiness({ engagementId }: { engagementId: string }) {
  const identity = useApp((s) => s.identity.identity)
  const h = useApp((s) => s.handover)
  const { buildBundle } = useActions()
  const base = `#/engagements/${encodeURIComponent(engagementId)}`
  const board: Route = { name: 'sprint', id: engagementId }
  const v = h.engagementId === engagementId ? h.readiness : null
  const unsigned = identity === null || identity?.confirmed === false
  const accepted = acceptanceState(h)
  return (
    <section className="card" aria-labelledby="h-ready" data-testid="readiness">
      <h2 id="h-ready" className="card-title">
        Before you build
      </h2>
      {v ? (
        <p className="ho-verdict" data-testid="verdict" data-ready={v.ready}>
          <strong>{v.headline}</strong>{' '}
          <span className="muted small">
            {v.sprint === 'none' ? '(the PDF opens with this verdict; no sprint was started, so it reports the default plan)' : '(the PDF opens with this verdict)'}
          </span>
        </p>
      ) : (
        <p className="muted" role="status" data-testid="verdict">
          Reading the plan…
        </p>
      )}
      <ul className="ho-checklist">
        {v && (
          <Line testId="ready-blockers" tone={v.launchBlockers.length ? 'fail' : 'pass'} word={v.launchBlockers.length ? 'Open' : 'None'}>
            {v.launchBlockers.length ? (
              <>
                {plural(v.launchBlockers.length, 'launch blocker')} open:{' '}
                {v.launchBlockers.slice(0, NAMED).map((i, k) => (
                  <span key={i.itemId}>
                    {k > 0 && ', '}
                    {v.sprint === 'none' ? (
                      i.title
                    ) : (
                      <To route={{ name: 'sprint', id: engagementId, item: i.itemId }} href={`${base}/sprint/${encodeURIComponent(i.itemId)}`}>
                        {i.title}
                      </To>
                    )}
                  </span>
                ))}
                {v.launchBlockers.length > NAMED && (
                  <>
                    {' '}
                    and{' '}
                    <To route={board} href={`${base}/sprint`}>
                      {v.launchBlockers.length - NAMED} more on the board
                    </To>
                  </>
                )}
              </>
            ) : (
              'No launch blocker is open.'
            )}
          </Line>
        )}
        {v && (
          <Line testId="ready-attention" tone={v.attention ? 'warn' : 'pass'} word={v.attention ? 'Attention' : 'None'}>
            {v.attention ? (
              <>
                {plural(v.attention, 'item')} to improve (passing with warnings, or open and not blocking).{' '}
                <To route={board} href={`${base}/sprint`}>
                  See the board
                </To>
              </>
            ) : (
              'Nothing else needs attention.'
            )}
            {v.waived > 0 && <> {plural(v.waived, 'risk')} accepted by a waiver, printed as such.</>}
          </Line>
        )}
        <Line testId={unsigned ? 'identity-needed' : 'ready-identity'} tone={unsigned ? 'fail' : identity ? 'pass' : 'info'} word={unsigned ? 'Missing' : identity ? 'Signer' : '…'}>
          {identity === undefined ? (
            'Reading your signing identity…'
          ) : unsigned ? (
            <>
              Bundles are signed by you: your name, email and organisation go on the certificate, the cover and the manifest.{' '}
              <To route={{ name: 'settings' }} href="#/settings">
                Set your identity in Settings
              </To>
            </>
          ) : (
            <>
              Signed by {identity!.name} &lt;{identity!.email}&gt;
              {identity!.organisation && <>, {identity!.organisation}</>}.
            </>
          )}
        </Line>
        <Line testId="ready-acceptance" tone={accepted.tone} word={accepted.word}>
          {accepted.text}
        </Line>
        <Line testId="ready-inventory" tone="info" word="Inventory">
          The PDF prints the access inventory: who owns each system, its admins, 2FA, recovery and where each credential lives.{' '}
          <To route={{ name: 'inventory', id: engagementId }} href={`${base}/inventory`}>
            Edit the access inventory
          </To>
        </Line>
      </ul>
      <div className="ho-build">
        <button type="button" className="btn btn-primary" disabled={!!h.busy || unsigned} onClick={() => void buildBundle()}>
          {h.busy === 'build' ? 'Building…' : 'Build the bundle'}
        </button>
        <span className="small muted">
          {unsigned
            ? 'Set your identity first: a bundle is signed by you.'
            : v && !v.ready
              ? 'You can build now: the PDF will say it is not ready to launch, and why.'
              : 'Signs the PDF, the evidence and the inventory as they are now.'}
        </span>
      </div>
    </section>
  )
}
