/** The attachments module's front door: what the application and other modules may use (docs/architecture.md). */
export { attachReceptionFiles, filesOfReception } from './repository.js';
export { attachmentRoutes } from './routes.js';
export { contentDisposition, KINDS } from './rules.js';
export {
  CASE_DOCUMENT,
  loadCaseDocument,
  readAttachment,
  receptionAttachments,
  saveAttachment,
  storeCaseDocument,
} from './service.js';
export { readUpload } from './upload.js';
