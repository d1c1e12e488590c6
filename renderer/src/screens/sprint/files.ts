/** A file read in the renderer, ready for recordVerdict. */
export interface PendingFile {
  name: string
  mime: string
  size: number
  dataBase64: string
}

/** Read one file as base64 with FileReader (no Node in the renderer). */
function readOne(file: File): Promise<PendingFile> {
  return new Promise((resolve, reject) => {
    const r = new FileReader()
    r.onerror = () => reject(r.error ?? new Error(`could not read ${file.name}`))
    r.onload = () => {
      // a data: URL; the payload follows the first comma
      const url = String(r.result)
      resolve({ name: file.name, mime: file.type || 'application/octet-stream', size: file.size, dataBase64: url.slice(url.indexOf(',') + 1) })
    }
    r.readAsDataURL(file)
  })
}

/** Read every file of a picker or a drop; at most 20, as recordVerdict accepts. */
export function readFiles(files: FileList | readonly File[] | null): Promise<PendingFile[]> {
  return Promise.all(Array.from(files ?? []).slice(0, 20).map(readOne))
}
