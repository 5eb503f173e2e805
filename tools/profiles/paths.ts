import { join, resolve } from 'node:path';

/** The SUSHI project: sushi-config.yaml and input/fsh/. */
export const profilesProjectDir = resolve(import.meta.dirname, '../../fhir-profiles');
/** Where `npm run profiles` writes the conformance resources (committed). */
export const generatedDir = join(profilesProjectDir, 'generated');
