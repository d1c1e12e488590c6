import { useApp } from '../../hooks/useStore'
import { Fingerprint } from '../../components/Fingerprint'
import { CountersignForm } from './CountersignForm'
import { acceptanceState } from './acceptance'
import { AddAcceptance } from './AddAcceptance'

/**
 * How the bundle reaches the founder and comes back accepted. The founder accepts with their own
 * key on their own machine; the consultant's screen shows the steps and whether it happened. Only
 * with the founder sitting here can they accept on this machine, behind a disclosure that says so.
 */
export function SendToFounder({ engagementId }: { engagementId: string }) {
  const h = useApp((s) => s.handover)
  const e = useApp((s) => s.engagements.items.find((x) => x.id === engagementId))
  const name = h.shown
  const report = name && h.reportOf === name ? h.report : null
  const signer = report?.signer ?? null
  if (!name) return null
  const accepted = acceptanceState(h, name)
  return (
    <section className="card" aria-labelledby="h-send" data-testid="send-to-founder">
      <h2 id="h-send" className="card-title">
        Send it to the founder
      </h2>
      <ol className="ho-steps">
        <li>
          Send <span className="mono">{name}.zip</span> (Download above, or the folder) any way you like: it is signed, so any changed file shows when they verify it.
        </li>
        <li>
          Give {e?.founderName || 'the founder'} your key fingerprint another way than the bundle: in person or on a call.
          {signer ? (
            <>
              <p className="small" data-testid="built-signer">
                {name} is signed by {signer.name}
                {signer.email && <> &lt;{signer.email}&gt;</>}
                {signer.organisation && <>, {signer.organisation}</>}.
              </p>
              <Fingerprint id="built-fingerprint" value={signer.fingerprint} />
            </>
          ) : (
            <p className="small muted">Verify the bundle to show the fingerprint it was signed with.</p>
          )}
        </li>
        <li>
          They verify it and accept it on their own machine, with their own key: <code>handover countersign &lt;folder&gt; --name &quot;Their Name&quot; --email them@example.com</code>,
          or with openssl alone as VERIFY.txt (step 7) shows. Nobody else can sign for them.
        </li>
        <li>
          They send back the three <span className="mono">acceptance-…</span> files. Add them here: they are checked against this bundle before they join its folder, and their
          acceptance shows below.
          <AddAcceptance key={name} bundle={name} />
        </li>
      </ol>
      <p className={`ho-accept-state`} data-testid="acceptance-state" data-tone={accepted.tone}>
        <span className={`st st-${accepted.tone} ho-word`}>{accepted.word}</span> <span>{accepted.text}</span>
      </p>
      {report?.ok && (
        <details className="ho-inperson" data-testid="in-person">
          <summary>The founder is here, at this computer</summary>
          <CountersignForm bundle={name} />
        </details>
      )}
    </section>
  )
}
