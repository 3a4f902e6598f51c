/** The custody module's front door: what the application and other modules may use (docs/architecture.md). */
export { hasFelony, legalStatusLabel } from './labels.js';
export {
  breachesPresumption,
  mayShowTerrorismCategory,
  NEVER_FOR_UNTRIED,
  personLabel,
  type LabelCharge,
  type LabelInput,
  type LabelStatus,
} from './person-label.js';
export { provideCellPlacer, type CellPlacementRequest, type CellPlacementResult } from './placement-port.js';
export {
  admissionsOfPeople,
  admissionsOverlapping,
  admissionPeople,
  admissionsBegunAndEnded,
  arrivalsSince,
  chargesForLabels,
  closePlacement,
  findAdmission,
  findAdmissions,
  findCharges,
  findDocument,
  findDocuments,
  findOpenPlacement,
  findOpenPlacements,
  findPersonDocument,
  insertPlacement,
  insertPlacements,
  setAdmissionLegalStatus,
  heldAt,
  type HeldRow,
  populationByStatus,
  type AdmissionRow,
  type ChargeRow,
  type LegalDocumentRow,
} from './repository.js';
export { AdmissionBody, DocumentSentenceT } from './api-schemas.js';
export { custodyRoutes } from './routes.js';
export { type AdmissionExit, claimAdmissionExit } from './exit.js';
export { CHARGE_CATEGORIES, DOCUMENT_KINDS, isUntried, LEGAL_STATUSES, type LegalStatus } from './rules.js';
export { SENTENCE_FORM_FIELDS, sentenceFromForm } from './sentence-form.js';
export {
  admissionInScope,
  admit,
  admitBatch,
  getAdmission,
  getPrisonerFile,
  personHistory,
  population,
  search,
  transferBasis,
  type AdmissionInput,
  type ChargeInput,
  type DocumentInput,
} from './service.js';
