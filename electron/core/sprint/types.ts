export type { SprintRow, SprintStatus } from '@shared/schemas/sprint'
