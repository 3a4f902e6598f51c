/** The people module's front door: what the application and other modules may use (docs/architecture.md). */
export { ageReadingOf, ageReadingText, readingView, recordAgeAssessment, type AgeReadingView } from './age.js';
export { OtherName, Person, PersonChange, PersonInput, PersonPatch, Relative } from './api-schemas.js';
export { ageSection, peoplePages } from './pages.js';
export {
  ageFactsFromRow,
  ageFactsOf,
  birthOf,
  findPerson,
  peopleNames,
  personPrisons,
  setPhoto,
  type PersonName,
} from './repository.js';
export { AgeReading, peopleRoutes } from './routes.js';
export {
  minorReading,
  parseBirth,
  type AgeAssessmentFact,
  type BirthInput,
  type BirthStored,
  type MinorReading,
} from './rules.js';
export {
  addOtherName,
  addRelative,
  assertPersonVisible,
  changePerson,
  createPersonTx,
  getPerson,
  preparePeople,
  setSensitive,
  writePeople,
  type PersonInput as PersonFields,
  type PersonView,
} from './service.js';
