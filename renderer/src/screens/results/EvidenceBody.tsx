import { evidenceView, type Cert, type Hop } from '../../store/results'
import { fullDate } from '../../lib/format'

/** One evidence item's data, shown the way a person reads that kind; JSON when unknown. */
export function EvidenceBody({ data }: { data: unknown }) {
  const v = evidenceView(data)
  switch (v.type) {
    case 'dns':
      return (
        <div className="ev-body">
          <p className="small">
            <span className="mono">{v.question}</span> asked <span className="mono">{v.server}</span>: <strong>{v.rcode || 'no answer'}</strong>
            {v.ms !== null && <span className="muted"> in {v.ms} ms</span>}
          </p>
          {v.records.length ? (
            <table className="table compact ev-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Type</th>
                  <th scope="col">TTL</th>
                  <th scope="col">Data</th>
                </tr>
              </thead>
              <tbody>
                {v.records.map((r, i) => (
                  <tr key={i}>
                    <td className="mono">{r.name}</td>
                    <td className="mono">{r.type}</td>
                    <td className="mono">{r.ttl}s</td>
                    <td className="mono wrap">{r.data}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted small">The server returned no records.</p>
          )}
        </div>
      )
    case 'redirects':
      return <Hops hops={v.hops} />
    case 'http':
      return (
        <div className="ev-body">
          <p className="small">
            <span className="mono wrap">{v.url}</span> answered <strong>{v.status ?? 'nothing'}</strong>
          </p>
          <table className="table compact ev-table">
            <caption className="sr-only">Response headers</caption>
            <thead>
              <tr>
                <th scope="col">Header</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {v.headers.map(([k, val], i) => (
                <tr key={i}>
                  <td className="mono">{k}</td>
                  <td className="mono wrap">{val}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {v.body && (
            <details>
              <summary>Body excerpt</summary>
              <pre className="ev-pre">{v.body}</pre>
            </details>
          )}
        </div>
      )
    case 'certs':
      return <Certs certs={v.certs} />
    default:
      return <Json data={data} />
  }
}

function Hops({ hops }: { hops: Hop[] }) {
  return (
    <ol className="ev-hops">
      {hops.map((h, i) => (
        <li key={i}>
          <span className="badge">{h.status ?? '—'}</span> <span className="mono wrap">{h.url}</span>
          {h.ms !== null && <span className="muted small"> · {h.ms} ms</span>}
          {h.location && <div className="muted small mono wrap">→ {h.location}</div>}
        </li>
      ))}
    </ol>
  )
}

function Certs({ certs }: { certs: Cert[] }) {
  return (
    <ol className="ev-certs">
      {certs.map((c, i) => (
        <li key={i}>
          <dl className="facts">
            <dt>Subject</dt>
            <dd className="mono wrap">{c.subject}</dd>
            <dt>Issuer</dt>
            <dd className="mono wrap">{c.issuer}</dd>
            <dt>Valid</dt>
            <dd>
              {c.validFrom ? fullDate(c.validFrom) : '?'} – {c.validTo ? fullDate(c.validTo) : '?'}
            </dd>
          </dl>
          <details>
            <summary>PEM</summary>
            <pre className="ev-pre">{c.pem}</pre>
          </details>
        </li>
      ))}
    </ol>
  )
}

/** Raw data, collapsed when long, so API excerpts stay scannable. */
export function Json({ data }: { data: unknown }) {
  const text = JSON.stringify(data, null, 2) ?? String(data)
  const long = text.split('\n').length > 12
  return long ? (
    <details className="ev-body">
      <summary>JSON ({text.split('\n').length} lines)</summary>
      <pre className="ev-pre">{text}</pre>
    </details>
  ) : (
    <pre className="ev-pre">{text}</pre>
  )
}
