/**
 * The sandbox's SMART authorization server: routes under /auth, the SMART configuration document, bearer
 * token checks for the FHIR routes, and EHR launch ids.
 * @see https://hl7.org/fhir/smart-app-launch/STU2.1/app-launch.html
 */
import type { LaunchContext, SandboxRequest, SandboxResponse } from '../contracts.ts';
import { PATIENT_CHOICE_PATH } from '../pages/patient-picker-page.ts';
import { authenticate, type Authentication } from './access-policy.ts';
import { handleAuthorize, handlePatientChoice } from './authorize-endpoint.ts';
import { createIdTokenSigner } from './id-token.ts';
import { jsonResponse, operationOutcomeResponse } from './responses.ts';
import { smartConfiguration } from './smart-configuration.ts';
import { createAuthState, LAUNCH_LIFETIME_MS, type AuthSettings } from './state.ts';
import { handleToken } from './token-endpoint.ts';

export interface AuthorizationServer {
  /** Answers a request whose path starts with /auth/. */
  handle(req: SandboxRequest): Promise<SandboxResponse>;
  /** GET /fhir/.well-known/smart-configuration. */
  smartConfiguration(req: SandboxRequest): SandboxResponse;
  /** Checks the bearer token of a FHIR request. */
  authenticate(req: SandboxRequest): Authentication;
  /** Binds launch context to a new launch id, for an EHR launch. Usable for 10 minutes. */
  createLaunch(context: LaunchContext): string;
}

export async function createAuthorizationServer(settings: AuthSettings): Promise<AuthorizationServer> {
  const state = createAuthState(settings, await createIdTokenSigner());

  function methodNotAllowed(allowed: string): SandboxResponse {
    return operationOutcomeResponse(405, 'invalid', `Use ${allowed}.`, { Allow: allowed });
  }

  return {
    async handle(req) {
      const { pathname } = req.url;
      const { method } = req;
      switch (pathname) {
        case '/auth/authorize':
          return method === 'GET' || method === 'POST' ? handleAuthorize(state, req) : methodNotAllowed('GET, POST');
        case PATIENT_CHOICE_PATH:
          return method === 'POST' ? handlePatientChoice(state, req) : methodNotAllowed('POST');
        case '/auth/token':
          return method === 'POST' ? handleToken(state, req) : methodNotAllowed('POST');
        case '/auth/jwks':
          return jsonResponse(200, state.signer.jwks);
        default:
          return operationOutcomeResponse(404, 'not-found', `No authorization endpoint at ${pathname}.`);
      }
    },
    smartConfiguration: (req) => jsonResponse(200, smartConfiguration(req.url.origin, settings.smart)),
    authenticate: (req) => authenticate(state, req),
    createLaunch: (context) => state.launches.add(context, LAUNCH_LIFETIME_MS),
  };
}
