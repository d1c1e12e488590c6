/**
 * Hand bytes to the browser as a download named `fileName` (works in browser mode and in
 * Electron): a blob URL on a temporary link, revoked once the download has had time to start.
 */
export function downloadBytes(fileName: string, bytes: Uint8Array<ArrayBuffer>, type = 'application/octet-stream'): void {
  const url = URL.createObjectURL(new Blob([bytes], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
