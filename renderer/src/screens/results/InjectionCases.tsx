interface CaseRow {
  id: string
  class: string
  verdict: string
  how?: string
}
interface EndpointRow {
  id: string
  canary: boolean
  leakedClasses: string[]
  cases: CaseRow[]
  notRun: { id: string; why: string }[]
}

const rows = (v: unknown): EndpointRow[] => (Array.isArray(v) ? (v as EndpointRow[]).filter((e) => e && Array.isArray(e.cases)) : [])

/** ai.injection's verdict per case, per endpoint: which class each case tried, and whether (and how) it leaked. */
export function InjectionCases({ details }: { details: Record<string, unknown> }) {
  const endpoints = rows(details.endpoints)
  if (!endpoints.length) return null
  return (
    <section className="card span-2" aria-labelledby="h-cases">
      <h2 id="h-cases" className="card-title">
        Cases <span className="muted small">{String(details.set ?? '')}</span>
      </h2>
      {endpoints.map((e) => (
        <table key={e.id} className="table compact" aria-label={`Cases against ${e.id}`}>
          <caption className="small">
            {e.id}: {e.leakedClasses.length ? `leaked in ${e.leakedClasses.join(', ')}` : 'no case leaked'}
            {e.canary ? '' : ' (no canary planted: judged by heuristics)'}
            {e.notRun.length ? `; ${e.notRun.length} not run (${e.notRun[0].why})` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col">Class</th>
              <th scope="col">Verdict</th>
              <th scope="col">How</th>
            </tr>
          </thead>
          <tbody>
            {e.cases.map((c) => (
              <tr key={c.id}>
                <td className="mono">{c.id}</td>
                <td>{c.class}</td>
                <td>
                  <span className={`st st-${c.verdict === 'leaked' ? 'fail' : c.verdict === 'held' ? 'pass' : 'error'}`}>{c.verdict}</span>
                </td>
                <td className="muted small">{c.how ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  )
}
