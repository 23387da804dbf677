// Where the live GraphLite is and how to call it. Every client suite reads these values from here.
//   GRAPHLITE_URL        the service root ending in /v1.0, e.g. http://127.0.0.1:5980/v1.0 (required)
//   GRAPHLITE_HTTPS_URL  the same service over https, for clients that only authenticate over https (optional)
//   GRAPHLITE_TOKEN      a bearer token (without one, no Authorization header is sent)
import { randomUUID } from 'node:crypto';

export const baseUrl = serviceRoot('GRAPHLITE_URL', process.env.GRAPHLITE_URL);
export const httpsBaseUrl = process.env.GRAPHLITE_HTTPS_URL
  ? serviceRoot('GRAPHLITE_HTTPS_URL', process.env.GRAPHLITE_HTTPS_URL)
  : undefined;
export const token = process.env.GRAPHLITE_TOKEN ?? '';

export const setPath = 'participantLeftNotifications';
export const notificationType = '#microsoft.graph.participantLeftNotification';
export const odataJsonContentType =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/** Returns the Authorization header for GRAPHLITE_TOKEN, or no header when no token is set. */
export function authorization() {
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** Returns a key that no other test or run uses, so every test owns its data. */
export function uniqueId(prefix) {
  return `${prefix}-${randomUUID()}`;
}

/** Sends a request to GraphLite with node's fetch and the token. The path is relative to the service root. */
export function send(path, init = {}) {
  return fetch(`${baseUrl}/${path}`, {
    ...init,
    headers: { ...authorization(), ...init.headers },
    signal: AbortSignal.timeout(10_000),
  });
}

/** Creates a notification through plain HTTP and returns the body, for tests whose client only reads. */
export async function createNotification(participantId, id) {
  const response = await send(setPath, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(id === undefined ? { participantId } : { id, participantId }),
  });
  if (response.status !== 201) {
    throw new Error(`Creating a notification failed with status ${response.status}: ${await response.text()}`);
  }

  return response.json();
}

function serviceRoot(name, value) {
  if (!value) {
    throw new Error(`${name} is not set. Set it to GraphLite's service root, e.g. http://127.0.0.1:5080/v1.0, `
      + 'or run the client suites through .ci/client-tests, which starts GraphLite and sets it.');
  }

  const url = new URL(value);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    throw new Error(`${name} is ${value}, which is not a loopback address: the client suites only call GraphLite on 127.0.0.1, localhost or [::1].`);
  }

  return value.replace(/\/+$/, '');
}
