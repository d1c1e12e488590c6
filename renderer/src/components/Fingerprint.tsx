import { FINGERPRINT_COMMAND } from '@shared/fingerprint'
import { useCopyField } from '../hooks/useCopyField'
import './fingerprint.css'

/**
 * A key fingerprint in full, in the one format (64 lowercase hex digits), to read aloud or
 * paste: a read-only field with a Copy button, and the openssl command that prints the same
 * from a bundle's signer.pub.pem.
 */
export function Fingerprint({ id, value, label = 'Signing key fingerprint', command = true }: { id: string; value: string; label?: string; command?: boolean }) {
  const { field, said, copy } = useCopyField(value)
  return (
    <div className="fingerprint">
      <label htmlFor={id} className="small muted">
        {label} <span className="fingerprint-what">(SHA-256 of the public key)</span>
      </label>
      <div className="fingerprint-row">
        <input id={id} ref={field} className="input mono fingerprint-value" readOnly value={value} spellCheck={false} onFocus={(e) => e.target.select()} data-testid={id} />
        <button type="button" className="btn btn-xs" onClick={() => void copy()} aria-label={`Copy the ${label.toLowerCase()}`}>
          Copy
        </button>
        <span className="small muted" role="status">
          {said}
        </span>
      </div>
      {command && (
        <p className="small muted fingerprint-command">
          In a bundle folder, <code>{FINGERPRINT_COMMAND}</code> prints the same.
        </p>
      )}
    </div>
  )
}
