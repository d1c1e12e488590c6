import { useEffect, useState, type FormEvent } from 'react'
import { useActions, useApp } from '../../hooks/useStore'

/**
 * The founder's acceptance made in this app, for when the founder sits at this machine: they
 * type their own name and email (nothing is filled in for them) and confirm they are here, since
 * their key is made and kept in this machine's keychain. Otherwise they accept on their own
 * machine (`handover countersign`, or openssl alone as VERIFY.txt shows).
 */
export function CountersignForm({ bundle }: { bundle: string }) {
  const h = useApp((s) => s.handover)
  const { countersign } = useActions()
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const [present, setPresent] = useState(false)
  // each acceptance is confirmed anew: another bundle, or one just signed, unticks it
  useEffect(() => setPresent(false), [bundle, h.countersigned])
  const submit = (ev: FormEvent) => {
    ev.preventDefault()
    if (present) void countersign(bundle, name, email)
  }
  const done = h.countersigned
  return (
    <form className="vault-form ho-sign" onSubmit={submit} aria-labelledby="h-countersign" data-testid="countersign-form">
      <h3 id="h-countersign">Acceptance by the founder, at this computer</h3>
      <p className="small muted">
        Only with the founder here, typing themselves: their own key signs a statement with their name, email, the date and this manifest, kept beside the bundle (the signed files
        do not change). That key is made and kept in this computer&apos;s keychain, not theirs: when they can, they should accept on their own machine instead.
      </p>
      <div className="vault-fields">
        <label className="field">
          <span>Founder name</span>
          <input className="input" required autoComplete="off" value={name} onChange={(x) => setName(x.target.value)} />
        </label>
        <label className="field">
          <span>Founder email</span>
          <input className="input" type="email" required autoComplete="off" value={email} onChange={(x) => setEmail(x.target.value)} />
        </label>
      </div>
      <label className="ho-confirm">
        <input type="checkbox" checked={present} onChange={(x) => setPresent(x.target.checked)} /> I am the founder, I am at this computer, and I accept this bundle with a key
        kept in its keychain.
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
