/**
 * Entry of launch.html: EHR launch (`?iss=...&launch=...`), standalone launch (`?iss=...` from the chooser, or
 * `?fhirServiceUrl=...` for an open server), or, with no parameters, the server chooser. No React here: this page
 * only decides where to send the browser.
 */
import { loadAppConfig } from './smart/app-config.ts';
import { describeError } from './smart/describe-error.ts';
import { browserLaunchApi } from './smart/fhirclient.ts';
import { readLaunchRequest, startLaunch, type LaunchRequest } from './smart/launch.ts';
import { rememberLaunch } from './smart/launch-marker.ts';
import { renderErrorPage, type RelaunchHint } from './ui/error-page.ts';
import { renderLaunchForm, renderLaunchStatus } from './ui/launch-form.ts';
import './ui/styles.css';

const container = document.getElementById('app') ?? document.body;
const pageUrl = new URL(window.location.href);
const request = readLaunchRequest(pageUrl);

async function run(): Promise<void> {
  const config = await loadAppConfig(pageUrl.href);
  if (request.mode === 'choose') {
    renderLaunchForm(container, config, pageUrl, (href) => {
      window.location.assign(href);
    });
    return;
  }
  const server = request.mode === 'open' ? request.fhirServiceUrl : request.iss;
  renderLaunchStatus(container, `Connecting to ${server}…`);
  await startLaunch(request, config, {
    api: browserLaunchApi(),
    pageUrl,
    remember: (marker) => {
      rememberLaunch(marker);
    },
  });
}

function relaunchHint(launch: LaunchRequest): RelaunchHint {
  return launch.mode === 'ehr' ? { kind: 'ehr' } : { kind: 'standalone', href: new URL('./launch.html', pageUrl).href };
}

run().catch((error: unknown) => {
  renderErrorPage(container, describeError(error), relaunchHint(request));
});
