import { ARCHIVE_ENTITIES } from './archives/archive.entities';
import { ClassifiedLoan } from './lending/loan.entity';
import { WorkMatter, WorkMatterDepartment, WorkMatterFollowUp } from './ledger/ledger.entities';
import { Seal, SealHandover, SealInspection, SealUse, SealUseApplication } from './seals/seal.entities';

/** Every entity of the administration module, for the module and the ENTITIES list of the data source. */
export const ADMINISTRATION_ENTITIES = [
  Seal,
  SealHandover,
  SealUseApplication,
  SealUse,
  SealInspection,
  WorkMatter,
  WorkMatterDepartment,
  WorkMatterFollowUp,
  ...ARCHIVE_ENTITIES,
  ClassifiedLoan,
];
