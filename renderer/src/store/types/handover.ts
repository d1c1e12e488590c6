import type { Acceptance, BundleInfo, BundlePlace, HandoverReadiness, VerifyReport } from '@shared/contract/handover'
import type { ErrorInfo } from '@shared/errors'

/** The handover screen: bundles built so far, the one just built, and a verification report. */
export interface HandoverState {
  engagementId: string | null
  /** The verdict the PDF would open with if built now; null until read. */
  readiness: HandoverReadiness | null
  bundles: { name: string; createdAt: string }[] | null
  built: BundleInfo | null
  report: VerifyReport | null
  /** Which bundle the report is about. */
  reportOf: string | null
  /** The acceptance just made on this machine. */
  countersigned: Acceptance | null
  /** The bundle whose pages and folder are shown (the newest, unless another is picked). */
  shown: string | null
  /** Where the shown bundle lives, and whether native folder/save actions exist. */
  place: BundlePlace | null
  busy: 'build' | 'verify' | 'countersign' | 'accept' | null
  error: ErrorInfo | null
}

export interface HandoverActions {
  loadHandover(engagementId: string): Promise<void>
  /** Build and sign a bundle, then verify it at once. */
  buildBundle(): Promise<void>
  /** Verify a bundle; with a fingerprint, also that this key signed it. */
  verifyBundleNamed(name: string, expectFingerprint?: string): Promise<void>
  /** The founder's acceptance, made on this machine: call only after the founder confirmed they are here. */
  countersign(name: string, founderName: string, founderEmail: string): Promise<void>
  /**
   * Bring the founder's returned acceptance files (read in the renderer) into the bundle's folder,
   * then show the bundle verified with it; the refusal to show beside the picker, or null when added.
   */
  addAcceptance(name: string, files: { name: string; dataBase64: string }[]): Promise<ErrorInfo | null>
  /** Show a bundle's pages and folder actions. */
  showBundle(name: string): Promise<void>
  /** One file of a bundle of the current engagement, as bytes; throws what went wrong. */
  bundleFileBytes(name: string, path: string): Promise<Uint8Array<ArrayBuffer>>
  /** The bundle's zip as bytes to download (browser mode), or null after a toast saying why. */
  bundleZipBytes(name: string): Promise<{ fileName: string; bytes: Uint8Array<ArrayBuffer> } | null>
  /** Electron: show the bundle folder in the OS file manager. */
  openBundleFolder(name: string): Promise<void>
  /** Electron: save a copy of the zip where the person picks (a native dialog). */
  saveBundleCopy(name: string): Promise<void>
}
