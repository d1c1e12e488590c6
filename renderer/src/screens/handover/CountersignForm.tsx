import { useEffect, useState, type FormEvent } from 'react'
import { useActions, useApp } from '../../hooks/useStore'

/**
 * The founder's acceptance, made in this app: only with the founder at this machine, which the
 * form asks them to confirm, since their key is made and kept in this machine's keychain. On
 * their own machine a founder runs `handover countersign`, or openssl alone (VERIFY.txt).
 */
export function CountersignForm({ bundle, engagementId }: { bundle: string; engagementId: string }) {
  const e = useApp((s) => s.engagements.items.find((x) => x.id === engagementId))
  const h = useApp((s) => s.handover)
  const { countersign } = useActions()
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const [present, setPresent] = useState(false)
  useEffect(() => {
    if (e) {
      setName(e.founderName)
      setEmail(e.founderEmail)
    }
  }, [e])
  // each acceptance is confirmed anew: another bundle, or one just signed, unticks it
  useEffect(() => setPresent(false), [bundle, h.countersigned])
  const submit = (ev: FormEvent) => {
    ev.preventDefault()
    if (present) void countersign(bundle, name, email)
  }
  const done = h.countersigned
  return (
    <form className="vault-form ho-sign" onSubmit={submit} aria-labelledby="h-countersign" data-testid="countersign-form">
      <h3 id="h-countersign">Founder acceptance</h3>
      <p className="small muted">
        The founder accepts this bundle by signing a statement with their own key: their name, email, the date and this manifest. It is kept beside the bundle; the signed files do
        not change. On their own machine they use <code>handover countersign</code> or the openssl steps in VERIFY.txt.
      </p>
      <div className="vault-fields">
        <label className="field">
          <span>Founder name</span>
          <input className="input" required value={name} onChange={(x) => setName(x.target.value)} />
        </label>
        <label className="field">
          <span>Founder email</span>
          <input className="input" type="email" required value={email} onChange={(x) => setEmail(x.target.value)} />
        </label>
      </div>
      <label className="ho-confirm">
        <input type="checkbox" checked={present} onChange={(x) => setPresent(x.target.checked)} /> The founder is here and signs on this machine: their key is made and kept in this
        machine&apos;s keychain.
      </label>
      <div>
        <button type="submit" className="btn" disabled={!present || !name.trim() || !email.trim() || !!h.busy}>
          {h.busy === 'countersign' ? 'Signing…' : 'Sign the acceptance'}
        </button>
      </div>
      {done && (
        <p className="small" role="status" data-testid="countersigned">
          Accepted by {done.name} &lt;{done.email}&gt; on {done.acceptedAt}, key <span className="mono">{done.fingerprint}</span>
        </p>
      )}
    </form>
  )
}
