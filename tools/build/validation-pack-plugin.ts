/**
 * The module `virtual:treatment-plan/validation-pack`: the validation pack (src/conformance/validation-pack.ts)
 * built from the definitions Node reads (tools/profiles/definitions.ts), as a module whose default export is the
 * pack. Only src/conformance/browser-definitions.ts imports it, lazily, so it becomes its own chunk. The JSON is
 * embedded as a string for `JSON.parse`, which engines parse faster than the same object written as a literal.
 * Built when the module is first loaded: a running dev server picks up regenerated profiles when restarted.
 */
import type { Plugin } from 'vite';
import { validationPack } from '../../src/conformance/validation-pack.ts';
import { readDefinitionSources } from '../profiles/definitions.ts';

export const VALIDATION_PACK_MODULE = 'virtual:treatment-plan/validation-pack';
const RESOLVED = `\0${VALIDATION_PACK_MODULE}`;

export function validationPackModule(): Plugin {
  return {
    name: 'treatment-plan:validation-pack',
    resolveId: (id) => (id === VALIDATION_PACK_MODULE ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      const pack = validationPack(await readDefinitionSources());
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(pack))});\n`;
    },
  };
}
