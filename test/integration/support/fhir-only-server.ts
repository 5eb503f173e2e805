/**
 * The sandbox's FHIR service alone behind node:http on port 0 (no SMART authorization server), and a real
 * fhirclient `Client` pointed at it, so integration tests exercise fhirclient's own request code.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type * as fhir from 'fhir/r4';
import smart from 'fhirclient/lib/entry/node';
import type Client from 'fhirclient/lib/Client';
import type { fhirclient } from 'fhirclient/lib/types';
import type { AccessPolicy } from '../../../src/sandbox/contracts.ts';
import type { FhirService, FhirServiceOptions } from '../../../src/sandbox/fhir/fhir-service.ts';
import { createFhirService } from '../../../src/sandbox/fhir/fhir-service.ts';

export interface FhirOnlyServer {
  /** e.g. http://127.0.0.1:41234/fhir */
  readonly baseUrl: string;
  readonly service: FhirService;
  close(): Promise<void>;
}

export interface FhirOnlyServerOptions extends FhirServiceOptions {
  /** Scope enforcement for every request; undefined is an open server. */
  readonly access?: AccessPolicy;
}

export async function startFhirOnlyServer(options: FhirOnlyServerOptions = {}): Promise<FhirOnlyServer> {
  const { access, ...serviceOptions } = options;
  const service = await createFhirService(serviceOptions);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
      service
        .handle({ method: req.method ?? 'GET', url, headers: req.headers, body: Buffer.concat(chunks) }, access)
        .then((response) => {
          res.writeHead(response.status, response.headers);
          res.end(response.body);
        })
        .catch((error: unknown) => {
          res.writeHead(500, { 'Content-Type': 'text/plain' });
          res.end(String(error));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}${options.basePath ?? '/fhir'}`,
    service,
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) {
            reject(error);
          } else {
            resolve();
          }
        });
      });
      await service.close();
    },
  };
}

/** fhirclient's Node entry wants the incoming request of a web app; a plain client needs none of it. */
const noRequest = { url: '/', headers: {}, socket: {} } as unknown as IncomingMessage;
const noResponse = Object.create(null) as ServerResponse;

/** A real fhirclient Client on the server, in the context of `patientId` when given. */
export function fhirClient(baseUrl: string, patientId?: string): Client {
  return smart(noRequest, noResponse).client({
    serverUrl: baseUrl,
    ...(patientId ? { tokenResponse: { patient: patientId } } : {}),
  });
}

/** The OperationOutcome a fhirclient HttpError carries (fhirclient appends the JSON body to its message). */
export function outcomeOf(error: unknown): { issue: { code: string; diagnostics?: string; expression?: string[] }[] } {
  const message = error instanceof Error ? error.message : '';
  const json = message.slice(message.indexOf('\n\n') + 2);
  return JSON.parse(json) as ReturnType<typeof outcomeOf>;
}

/** fhirclient has its own FHIR typings (e.g. `Meta.lastUpdated` required); this is the one cast to them. */
export function clientResource(resource: fhir.FhirResource): fhirclient.FHIR.Resource {
  return resource as fhirclient.FHIR.Resource;
}

/** The error a request was expected to fail with; fails the test when the request succeeded. */
export async function failureOf(request: Promise<unknown>): Promise<unknown> {
  try {
    await request;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the request to fail, but it succeeded.');
}
