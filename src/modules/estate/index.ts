/** The estate module's front door: what the application and other modules may use (docs/architecture.md). */
export { estatePages, estateSection } from './pages.js';
export {
  findCell,
  findCells,
  findCellsById,
  findPrison,
  findPrisons,
  findPrisonsByCode,
  findUnit,
  findUnits,
  lockCell,
  lockCells,
  type CellRow,
  type PrisonRow,
} from './repository.js';
export { estateRoutes } from './routes.js';
export { occupancyRateWord } from './rules.js';
export {
  createCell,
  createPrison,
  createUnit,
  getPrison,
  listPrisons,
  occupancyReport,
  prisonStatusToday,
  type PrisonView,
} from './service.js';
