/**
 * The standalone launch page: the configured servers (the sandbox first), a field for any other FHIR server URL,
 * and an optional patient id for servers without sign-in. Plain DOM, to keep the launch page small.
 */
import type { AppConfig, ServerEntry } from '../smart/app-config.ts';
import { el, show } from './dom.ts';

export interface LaunchChoice {
  /** A configured server, or undefined for a typed URL. */
  readonly server?: ServerEntry;
  readonly url: string;
  readonly patientId?: string;
}

/**
 * Where a choice leads: `launch.html?iss=...` for SMART servers and typed URLs (a standalone launch; a typed
 * server that turns out open is handled there), `?fhirServiceUrl=...` for servers configured as open.
 */
export function launchTarget(choice: LaunchChoice, pageUrl: URL): string {
  const target = new URL(pageUrl.pathname, pageUrl.origin);
  const open = choice.server?.kind === 'open';
  target.searchParams.set(open ? 'fhirServiceUrl' : 'iss', choice.url);
  const patientId = choice.patientId?.trim();
  if (patientId && (open || choice.server === undefined)) {
    target.searchParams.set('patientId', patientId);
  }
  return target.href;
}

export function renderLaunchForm(
  container: Element,
  config: AppConfig,
  pageUrl: URL,
  navigate: (href: string) => void
): void {
  document.title = 'Treatment plan: choose a server';
  const patientInput = el('input', {
    id: 'patient-id',
    name: 'patientId',
    autocomplete: 'off',
    spellcheck: 'false',
    pattern: '[A-Za-z0-9\\-.]{1,64}',
  });
  const urlInput = el('input', {
    id: 'server-url',
    name: 'url',
    type: 'url',
    required: '',
    placeholder: 'https://example.org/fhir',
    autocomplete: 'url',
  });
  const go = (choice: Omit<LaunchChoice, 'patientId'>): void => {
    navigate(launchTarget({ ...choice, patientId: patientInput.value }, pageUrl));
  };

  const servers = config.servers.filter((server) => server.iss !== undefined);
  const list = el(
    'ul',
    { class: 'server-list' },
    ...servers.map((server) => {
      const noteId = `server-note-${server.id}`;
      const button = el(
        'button',
        { type: 'button', class: 'server-button', 'aria-describedby': noteId, 'data-server': server.id },
        server.label
      );
      button.addEventListener('click', () => {
        go({ server, url: server.iss ?? '' });
      });
      return el(
        'li',
        {},
        button,
        el('span', { id: noteId, class: 'server-note' }, [server.note, server.iss].filter(Boolean).join(' · '))
      );
    })
  );

  // Enter in either field submits this form, whose only submit button is "Connect": it never picks a listed server.
  const form = el(
    'form',
    { class: 'launch-form', novalidate: '' },
    el('h2', { id: 'known-servers' }, 'Known servers'),
    list,
    el('h2', {}, 'Another server'),
    el(
      'div',
      { class: 'field' },
      el('label', { for: 'server-url' }, 'FHIR server URL'),
      el('div', { class: 'field-row' }, urlInput, el('button', { type: 'submit' }, 'Connect'))
    ),
    el(
      'div',
      { class: 'field' },
      el('label', { for: 'patient-id' }, 'Patient id (for servers without sign-in; optional)'),
      patientInput
    ),
    el('p', { id: 'form-message', class: 'form-message', 'aria-live': 'polite' })
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const message = form.querySelector('#form-message');
    const url = urlInput.value.trim();
    if (!/^https?:\/\/\S+$/i.test(url)) {
      message?.replaceChildren('Type a FHIR server URL starting with https:// (or http://), or choose a server above.');
      urlInput.focus();
      return;
    }
    go({ url });
  });

  show(
    container,
    el(
      'main',
      { class: 'launch-page' },
      el('h1', {}, 'Treatment plan'),
      el(
        'p',
        { class: 'lead' },
        'Choose the FHIR server to open the app with. You will sign in there and pick a client.'
      ),
      form
    )
  );
}

/** "Connecting to ..." while the launch page discovers the server and redirects. */
export function renderLaunchStatus(container: Element, text: string): void {
  show(container, el('main', { class: 'launch-page' }, el('p', { role: 'status', class: 'status' }, text)));
}
