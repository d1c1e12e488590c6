import type { Content, TableCell } from 'pdfmake/interfaces'
import type { HandoverData } from '../../data'
import type { RedirectEntry } from '../../facts/redirects'
import { COLORS, heading, keepWithNext, statusCell, table } from '../theme'

const proxyText = (p: boolean | null) => (p === true ? 'proxied' : p === false ? 'DNS only' : '')

/** Every record of every name: the name once per group, then type, value, TTL, Cloudflare proxy. */
function dnsRows(d: HandoverData): TableCell[][] {
  const rows: TableCell[][] = []
  for (const n of d.dns) {
    const recs = n.records.length ? n.records : [{ type: '—', value: n.summary, ttl: null, proxied: null }]
    recs.forEach((r, i) => {
      rows.push([
        i === 0 ? { stack: [{ text: n.name, bold: n.role === 'apex' }, { text: n.role, fontSize: 6.5, color: COLORS.muted }] } : '',
        { text: r.type, bold: true, fontSize: 7.5 },
        { text: r.value, style: 'mono' },
        { text: r.ttl === null ? '' : String(r.ttl), fontSize: 7 },
        { text: proxyText(r.proxied), fontSize: 7, color: r.proxied === false && n.role !== 'zone only' ? COLORS.warn : COLORS.ink },
      ])
    })
  }
  return rows
}

/** One entry URL hop by hop: each redirect with its status, then the page (or why there is none). */
function redirectRow(e: RedirectEntry): TableCell[] {
  const hops = e.hops
  const lines: Content[] = hops.map((h, i) => {
    const next = hops[i + 1]
    if (next) return { text: [{ text: `${h.status ?? '?'} \u2192 `, bold: true, color: COLORS.muted }, next.url] }
    return { text: h.status === 200 ? [{ text: `${h.status} `, bold: true, color: COLORS.pass }, 'page served'] : [{ text: `${h.status ?? '?'} `, bold: true, color: COLORS.fail }, 'no page'] }
  })
  if (e.note) lines.push({ text: e.note, color: COLORS.fail })
  const redirects = Math.max(0, hops.length - 1)
  const plain = e.entry.startsWith('http://') && hops.length === 1 && hops[0].status === 200
  return [
    { text: e.entry, bold: true, fontSize: 7.5 },
    { text: plain ? 'serves plain HTTP' : hops.length ? `${redirects} redirect${redirects === 1 ? '' : 's'}` : '—', fontSize: 7.5, color: plain || redirects > 2 ? COLORS.fail : COLORS.ink },
    { stack: lines.length ? lines : [{ text: 'no answer recorded', color: COLORS.muted }], fontSize: 7.5 },
  ]
}

/** DNS map (every record at the apex and each declared host, with proxy status) and redirect map (hop by hop). */
export function maps(d: HandoverData): Content[] {
  const checks = d.results.filter((r) => r.checkId === 'http.canonical' || r.checkId === 'http.https').filter((r) => r.status !== 'pass')
  return [
    ...keepWithNext([
      heading('DNS and redirect map', { id: 'dns-map' }),
      { text: `Which name points where. Records are what ${d.domainUnicode}'s authoritative servers returned at handover, with Cloudflare's proxy status where the zone is on Cloudflare ("proxied": traffic goes through Cloudflare; "DNS only": straight to the address).`, style: 'lead' },
    ]),
    table([112, 34, '*', 30, 52], ['Name', 'Type', 'Value', 'TTL', 'Cloudflare'], dnsRows(d), 'No hosts declared.', 'DNS map'),
    table([130, 50, '*'], ['Entry URL', 'Redirects', 'Hops'], d.redirects.map(redirectRow), 'No redirect chains were recorded by the checks.', 'Redirect map'),
    { text: 'Every entry URL once, hop by hop: what a visitor typing each address goes through. At most two redirects, ending on https:// of one canonical host, is the target.', style: 'note', margin: [0, -4, 0, 6] },
    checks.length ? table(['auto', 35, '*'], ['Check', 'Status', 'Summary'], checks.map((r) => [`${r.title}\n${r.target}`, statusCell(r.status), r.summary]), '', 'Redirect findings') : '',
  ]
}
