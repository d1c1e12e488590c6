export interface TransferActions {
  /** The engagement as one verified file (name and base64 bytes), or null after a toast saying why. */
  exportEngagement(id: string): Promise<{ fileName: string; dataBase64: string } | null>
  /** Import an exported file; the chain and attachment hashes are verified first. Returns the new id. */
  importEngagement(dataBase64: string): Promise<string | null>
}
