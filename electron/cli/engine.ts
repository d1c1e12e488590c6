// The engine and the sandbox for scripts that drive the built bundle (out/main/engine.js): the
// crash test's writer and the benchmarks' engine and lab hosts. Kept out of the CLI entry so that
// `handover` loads only the command it runs.

export { openWorkspace } from '../core/workspace'
/** An audit run outside the CLI (the engine benchmark's own process, test/bench/fixtures/engine-host.cjs). */
export { runAudit } from '../core/checks/runner'
export { EventBus } from '../core/events'
export { memoryCredentialSource } from '../core/vault/sources'
/** The sandbox internet, for scripts that host labs in their own process (benchmarks). */
export { startLab } from '../lab'
