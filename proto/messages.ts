// The generated protobuf classes under a short name. Import wire types from here, never from
// ./generated directly, so a regeneration touches one import.
import { cohort } from './generated/cohort.js';

export const wire = cohort.v1;
export { cohort };
