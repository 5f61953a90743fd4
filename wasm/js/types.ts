// The contract's shapes for the loader, the tests and the page. They are generated from the JSON
// Schemas in docs/schema (contract.generated.ts); docs/design.md describes them.
import { validateErrorReport } from './contract-validators.generated.js';
import type {
  ErrorReport,
  FactorialResult,
  IoResult,
  ModuleInfo,
  PrimesResult,
  RaceResult,
} from './contract.generated';

export type {
  Algorithm,
  Catalog,
  CatalogChoiceParam,
  CatalogDemo,
  CatalogExperimentChoiceParam,
  CatalogExperimentIntegerParam,
  CatalogExperimentParam,
  CatalogFlagParam,
  CatalogIntegerParam,
  CatalogParam,
  Demo,
  ErrorCode,
  ErrorReport,
  Event,
  FactorialPartial,
  FactorialResult,
  GilFacts,
  IoPartial,
  IoResult,
  MachineInfo,
  Mode,
  ModuleInfo,
  NormalizedRequest,
  Params,
  Platform,
  PrimesPartial,
  PrimesResult,
  QueueCatalog,
  QueueHandoff,
  QueueReport,
  QueueRequest,
  QueueResult,
  QueueRole,
  SemaphoreReport,
  PoolReport,
  AsyncReport,
  RacePartial,
  RaceResult,
  Report,
  Request,
  Shard,
  Span,
  StartMethod,
  Sync,
  Variant,
  WorkerState,
} from './contract.generated';

/** Any demo's result. */
export type Result = PrimesResult | FactorialResult | RaceResult | IoResult;

/** What the module's info() returns. */
export type Info = ModuleInfo;

/** The one test for an error report, on every side: the error report schema's own validator. */
export function isErrorReport(value: unknown): value is ErrorReport {
  return validateErrorReport(value);
}
