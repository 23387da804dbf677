// @odata/client 2.21.10, a general OData v4 client, against a live GraphLite.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { OData } from '@odata/client';
import { ODataServerError } from '@odata/client/lib/errors.js';
import { defaultProxy } from '@odata/client/lib/request.js';
import { authorization, baseUrl, createNotification, setPath, uniqueId } from './support/graphlite.mjs';

/** Creates a client that records every HTTP response and parsed body it receives, so tests can check them too. */
function odataClient() {
  const responses = [];
  const bodies = [];
  const client = OData.New4({
    // The client appends paths to the endpoint as they are, so the endpoint must end with a slash.
    serviceEndpoint: `${baseUrl}/`,
    commonHeaders: authorization(),
    fetchProxy: async (url, init) => {
      const result = await defaultProxy(url, { ...init, signal: AbortSignal.timeout(10_000) });
      responses.push(result.response);
      bodies.push(result.content);
      return result;
    },
  });
  return { client, set: client.getEntitySet(setPath), responses, bodies };
}

describe('@odata/client', { timeout: 60_000 }, () => {
  test('create returns the new entity', async () => {
    const { set, responses } = odataClient();
    const participantId = uniqueId('odata-client');

    const created = await set.create({ participantId });

    assert.equal(responses.at(-1).status, 201);
    assert.match(created.id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.equal(created.participantId, participantId);
  });

  test('retrieve reads by key in parentheses', async () => {
    const { set, responses } = odataClient();
    const id = uniqueId('odata-client-id');
    await createNotification('odata-client-reader', id);

    const read = await set.retrieve(id);

    assert.equal(responses.at(-1).url, `${baseUrl}/${setPath}('${id}')`);
    assert.equal(read.id, id);
    assert.equal(read.participantId, 'odata-client-reader');
  });

  test('query sends $filter, $orderby and $top', async () => {
    const { client, set, responses } = odataClient();
    const participantId = uniqueId('odata-client-query');
    const ids = [uniqueId('a'), uniqueId('b'), uniqueId('c')].sort();
    for (const id of ids) {
      await createNotification(participantId, id);
    }
    const options = client.newOptions()
      .filter(client.newFilter().property('participantId').eqString(participantId))
      .orderby('id', 'asc')
      .top(2);

    const items = await set.query(options);

    const url = new URL(responses.at(-1).url);
    assert.equal(url.searchParams.get('$orderby'), 'id asc');
    assert.equal(url.searchParams.get('$top'), '2');
    assert.deepEqual(items.map(item => item.id), ids.slice(0, 2));
    assert.ok(items.every(item => item.participantId === participantId));
  });

  test('count reads @odata.count of the filtered set', async () => {
    const { client, set, responses } = odataClient();
    const participantId = uniqueId('odata-client-count');
    for (let index = 0; index < 3; index += 1) {
      await createNotification(participantId);
    }

    const count = await set.count(client.newFilter().property('participantId').eqString(participantId));

    const url = new URL(responses.at(-1).url);
    assert.equal(url.searchParams.get('$count'), 'true');
    assert.equal(url.searchParams.get('$top'), '1');
    assert.equal(count, 3);
  });

  test('unknown key rejects with the server message', async () => {
    const { set, responses } = odataClient();
    const id = uniqueId('odata-client-missing');

    const error = await set.retrieve(id).then(() => undefined, thrown => thrown);

    assert.equal(responses.at(-1).status, 404);
    assert.ok(error instanceof ODataServerError, `expected an ODataServerError, got ${error}`);
    assert.equal(error.message, `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
  });

  test('update changes the entity', async () => {
    const { set, responses } = odataClient();
    const id = uniqueId('odata-client-update');
    await createNotification('before', id);

    await set.update(id, { participantId: 'after' });

    assert.equal(responses.at(-1).status, 204);
    assert.equal((await set.retrieve(id)).participantId, 'after');
  });

  test('delete removes the entity', async () => {
    const { set, responses } = odataClient();
    const id = uniqueId('odata-client-delete');
    await createNotification('deleted', id);

    await set.delete(id);

    assert.equal(responses.at(-1).status, 204);
    await assert.rejects(set.retrieve(id), ODataServerError);
    assert.equal(responses.at(-1).status, 404);
  });

  test('JSON batch creates and reads', async () => {
    const { client } = odataClient();
    const id = uniqueId('odata-client-batch');

    // Without dependsOn a JSON batch may run its requests in any order, so the read names the create.
    const responses = await client.execBatchRequestsJson([
      client.newBatchRequest({ collection: setPath, method: 'POST', entity: { id, participantId: 'batched' }, requestId: 'create' }),
      client.newBatchRequest({ collection: setPath, method: 'GET', id, requestId: 'read', dependsOn: ['create'] }),
    ]);

    // The responses may come back in any order; each carries its request's id.
    const { create: created, read } = Object.fromEntries(responses.map(response => [response.raw.id, response]));
    assert.equal(created.status, 201);
    assert.equal((await created.json()).id, id);
    assert.equal(read.status, 200);
    assert.equal((await read.json()).participantId, 'batched');
  });

  test('multipart batch is rejected with a Graph error', async () => {
    const { client, responses, bodies } = odataClient();

    // The client writes each POST into a multipart change set without the Content-ID header that OData 4.0
    // requires. GraphLite, like Graph, serves JSON batches only, so the whole request is rejected cleanly.
    const outcome = await client.execBatchRequests([
      client.newBatchRequest({ collection: setPath, method: 'POST', entity: { participantId: 'multipart' } }),
    ]).then(() => undefined, thrown => thrown);

    const response = responses.at(-1);
    assert.equal(response.status, 415, `expected 415, got ${response.status} (${outcome})`);
    assert.equal(response.headers.get('Content-Type'), 'application/json');
    assert.equal(bodies.at(-1).error.code, 'UnsupportedMediaType');
    assert.match(bodies.at(-1).error.message, /multipart\/mixed/);
    assert.ok(outcome instanceof Error, 'the client reports the failed batch');
  });
});
