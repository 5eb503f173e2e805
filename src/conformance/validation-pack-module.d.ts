/**
 * The module tools/build/validation-pack-plugin.ts provides at build time: the validation pack as JSON
 * (`DefinitionSources`, typed where it is read, in browser-definitions.ts).
 */
declare module 'virtual:treatment-plan/validation-pack' {
  const pack: unknown;
  export default pack;
}
