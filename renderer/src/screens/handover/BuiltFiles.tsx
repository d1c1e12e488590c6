import { useApp } from '../../hooks/useStore'
import { bundleName } from '../../store/handover'
import { plural } from '../../lib/format'

/** The files of the bundle just built, with their sizes and SHA-256 (what the manifest signs). */
export function BuiltFiles({ engagementId }: { engagementId: string }) {
  const h = useApp((s) => s.handover)
  if (!h.built || h.engagementId !== engagementId) return null
  return (
    <section className="card" aria-labelledby="h-files" data-testid="built-files">
      <h2 id="h-files" className="card-title">
        Files of {bundleName(h.built.dir)} <span className="muted small">{plural(h.built.files.length, 'file')}</span>
      </h2>
      <table className="table compact" aria-label="Files in the bundle">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col" className="num">
              Size
            </th>
            <th scope="col">SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {h.built.files.map((f) => (
            <tr key={f.path}>
              <td className="mono">{f.path}</td>
              <td className="num">{f.size.toLocaleString('en')} B</td>
              <td className="mono small hash">{f.sha256}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
