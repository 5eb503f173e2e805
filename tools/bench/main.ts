/**
 * `npm run bench`: what the app costs, against the in-process sandbox EHR with a delay added to every FHIR answer
 * (issue 4 §6). A benchmark, not a test: it prints figures with their budgets and marks those over budget.
 *
 * 1. The gzipped weight of each page, from a fresh production build: the launch page, the workspace's first
 *    load, each lazily loaded chunk on its own, and each part with a budget of its own, its chunks together.
 * 2. Requests and sequential round trips to show a plan and to save one, for a typical client and for a client
 *    with ten years of history, through the app's own fetch gateway.
 * 3. Time to first render of the plan in Chromium for both clients.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/server.ts';
import { launchChromium } from '../../test/e2e/support/browser.ts';
import { startStaticAppServer } from '../../test/e2e/support/static-app-server.ts';
import {
  LAUNCH_BUDGET_BYTES,
  LAZY_PARTS,
  type LazyPart,
  SAVE_REQUESTS_BUDGET,
  SHOW_ROUND_TRIPS_BUDGET,
  WORKSPACE_BUDGET_BYTES,
} from './budgets.ts';
import { timeFirstRender } from './first-render.ts';
import { filesContaining, gzipTotal, kilobytes, lazyPartWeight, pageWeight } from './page-weights.ts';
import { measureTransport, type TransportFigures } from './plan-transport.ts';
import { storeInSandbox } from './store-records.ts';
import { formatTable, type Cell } from './table.ts';
import { historyBatches, TEN_YEARS, tenYearHistory } from './ten-year-client.ts';

const HELP = `Usage: npm run bench -- [options]

Prints, against the in-process sandbox EHR with a delay on every FHIR answer:
  - the gzipped weight of the launch page, the workspace's first load and each lazy chunk, from a fresh build;
  - requests and sequential round trips to show a plan and to save one, for a typical client (george-smith)
    and a client with ten years of history;
  - the time from navigation to the plan's title in Chromium, for both clients.
Budgets are printed beside the figures; the exit status is 1 when a figure is over budget.

Options:
  --delay MS        delay added to every FHIR answer, in milliseconds (default 100)
  --runs N          Chromium launches per client; the median is shown (default 3)
  --skip-browser    leave out the Chromium timing (e.g. where Chromium is not installed)
  --out-dir DIR     build into DIR and keep it (default: a temporary folder, removed afterwards)
  -h, --help        show this help

Chromium is /usr/bin/chromium unless CHROMIUM_PATH names another.`;

const TYPICAL_CLIENT = 'george-smith';
const HISTORY_CLIENT = 'bench-ten-years';

function positiveInteger(value: string, option: string, allowZero: boolean): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < (allowZero ? 0 : 1)) {
    throw new Error(`${option} takes a whole number${allowZero ? '' : ' above 0'}, not "${value}".`);
  }
  return number;
}

const { values } = parseArgs({
  options: {
    delay: { type: 'string', default: '100' },
    runs: { type: 'string', default: '3' },
    'skip-browser': { type: 'boolean', default: false },
    'out-dir': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const delayMs = positiveInteger(values.delay, '--delay', true);
const runs = positiveInteger(values.runs, '--runs', false);
const root = fileURLToPath(new URL('../../', import.meta.url));
const outDir = values['out-dir'] ?? (await mkdtemp(join(tmpdir(), 'treatment-plan-bench-')));
/** Figures over budget, for the summary and the exit status. */
const overBudget: string[] = [];

/** "ok", or "OVER" (and the exit status becomes 1). */
function verdict(within: boolean, what: string): string {
  if (!within) overBudget.push(what);
  return within ? 'ok' : 'OVER';
}

async function printWeights(): Promise<void> {
  await build({
    root,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  const [launch, workspace] = await Promise.all([pageWeight(outDir, 'launch.html'), pageWeight(outDir, 'index.html')]);
  const rows: Cell[][] = [
    [
      'launch page (launch.html + JS/CSS)',
      `${kilobytes(gzipTotal(launch.firstLoad))} kB`,
      `${kilobytes(launch.html.gzipBytes)} kB`,
      `<= ${kilobytes(LAUNCH_BUDGET_BYTES)} kB`,
      verdict(gzipTotal(launch.firstLoad) <= LAUNCH_BUDGET_BYTES, 'launch page weight'),
    ],
    [
      'workspace first load (index.html + JS/CSS)',
      `${kilobytes(gzipTotal(workspace.firstLoad))} kB`,
      `${kilobytes(workspace.html.gzipBytes)} kB`,
      `<= ${kilobytes(WORKSPACE_BUDGET_BYTES)} kB`,
      verdict(gzipTotal(workspace.firstLoad) <= WORKSPACE_BUDGET_BYTES, 'workspace first load weight'),
    ],
  ];
  for (const path of [...launch.eagerDynamicImports, ...workspace.eagerDynamicImports]) {
    rows.push([`  ${path}, imported lazily, is in a first load`, '', '', 'lazy', verdict(false, `${path} eager`)]);
  }
  for (const file of [...launch.lazy, ...workspace.lazy]) {
    const parts: LazyPart[] = [];
    for (const part of LAZY_PARTS) {
      if ((await filesContaining(outDir, [file], part.marker)).length > 0) parts.push(part);
    }
    const label = parts.length > 0 ? ` (${parts.map((part) => part.name).join(', ')})` : '';
    rows.push([`  lazy chunk ${file.path}${label}`, `${kilobytes(file.gzipBytes)} kB`, '', 'on first use', '']);
  }
  // A budgeted part is held to its budget with all the workspace's lazy chunks that hold it added together, as in
  // test/e2e/weights.test.ts.
  for (const part of LAZY_PARTS) {
    if (part.budgetBytes === undefined) continue;
    const weight = await lazyPartWeight(outDir, workspace.lazy, part.marker);
    const found = weight.files.length > 0;
    rows.push([
      `  ${part.name}, lazy chunks together`,
      found ? `${kilobytes(weight.gzipBytes)} kB` : 'no lazy chunk',
      '',
      `on first use, <= ${kilobytes(part.budgetBytes)} kB`,
      found ? verdict(weight.gzipBytes <= part.budgetBytes, `${part.name} weight`) : '',
    ]);
  }
  const firstLoads = [...launch.firstLoad, ...workspace.firstLoad].filter((file) => file.kind === 'js');
  for (const part of LAZY_PARTS) {
    const eager = await filesContaining(outDir, firstLoads, part.marker);
    if (eager.length > 0) {
      rows.push([
        `  ${part.name} in a first load`,
        eager.map((file) => file.path).join(', '),
        '',
        'lazy',
        verdict(false, `${part.name} in a first load`),
      ]);
    }
  }
  console.log(`\nPage weight, gzipped (kB = 1000 bytes), built into ${outDir}\n`);
  console.log(formatTable(['What', 'JS + CSS', 'HTML', 'Budget', 'Status'], rows));
}

function transportRow(client: string, figures: TransportFigures): Cell[] {
  const { show, save } = figures;
  return [
    client,
    figures.resources,
    show.requests,
    `${show.roundTrips} (<= ${SHOW_ROUND_TRIPS_BUDGET}) ${verdict(show.roundTrips <= SHOW_ROUND_TRIPS_BUDGET, `${client} show round trips`)}`,
    `${show.milliseconds.toFixed(0)} ms`,
    save === undefined
      ? 'no plan to save'
      : `${save.requests} (= ${SAVE_REQUESTS_BUDGET}) ${verdict(save.requests === SAVE_REQUESTS_BUDGET, `${client} save requests`)}`,
    save === undefined ? '' : save.roundTrips,
    save === undefined ? '' : `${save.milliseconds.toFixed(0)} ms`,
    save?.outcome ?? '',
  ];
}

async function printTransport(sandbox: RunningSandbox, appUrl: string, clients: readonly string[]): Promise<void> {
  const rows: Cell[][] = [];
  for (const client of clients) {
    rows.push(transportRow(client, await measureTransport(sandbox, appUrl, client)));
  }
  console.log(`\nShow and save a plan, ${delayMs} ms added to every FHIR answer\n`);
  console.log(
    formatTable(
      [
        'Client',
        'Resources',
        'Show: requests',
        'Show: round trips',
        'Show: time',
        'Save: requests',
        'Save: round trips',
        'Save: time',
        'Save: result',
      ],
      rows
    )
  );
}

async function printFirstRender(sandbox: RunningSandbox, appUrl: string, clients: readonly string[]): Promise<void> {
  const browser = await launchChromium();
  try {
    const rows: Cell[][] = [];
    for (const client of clients) {
      const times = await timeFirstRender(browser, sandbox, appUrl, client, runs);
      rows.push([client, `${times.median.toFixed(0)} ms`, times.runs.map((time) => time.toFixed(0)).join(', ')]);
    }
    console.log(
      `\nTime to first render of the plan in Chromium (navigation to the plan title), ${runs} run${runs === 1 ? '' : 's'}\n`
    );
    console.log(formatTable(['Client', 'Median', 'Runs (ms)'], rows));
  } finally {
    await browser.close();
  }
}

try {
  await printWeights();
  const app = await startStaticAppServer(outDir);
  const sandbox = await startSandbox({ port: 0, appUrl: app.url, fhirResponseDelayMs: delayMs });
  try {
    app.pointSandboxAt(sandbox.fhirBaseUrl);
    await storeInSandbox(sandbox, historyBatches(tenYearHistory(HISTORY_CLIENT, TEN_YEARS)));
    const clients = [TYPICAL_CLIENT, HISTORY_CLIENT];
    console.log(
      `\nClients: ${TYPICAL_CLIENT} (typical, from the sandbox seed) and ${HISTORY_CLIENT} (ten years: ` +
        `${TEN_YEARS.goals} goals, ${TEN_YEARS.conditions} conditions, ${TEN_YEARS.observations} observations)`
    );
    // The browser first, so that it shows the plans as seeded: measuring a save writes a new version.
    if (!values['skip-browser']) {
      await printFirstRender(sandbox, app.url, clients);
    }
    await printTransport(sandbox, app.url, clients);
  } finally {
    await sandbox.close();
    await app.close();
  }
} finally {
  if (values['out-dir'] === undefined) {
    await rm(outDir, { recursive: true, force: true });
  }
}
if (overBudget.length > 0) {
  console.log(`\nOver budget: ${overBudget.join('; ')}.`);
  process.exitCode = 1;
}
