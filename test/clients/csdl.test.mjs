// CSDL tooling against GraphLite's $metadata: odata-csdl 0.11.2, odata-openapi 0.29.0 and Kiota 1.38.0.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { xml2json } from 'odata-csdl';
import { send, setPath } from './support/graphlite.mjs';
import { committedKiotaFolder, generateKiotaClient, readGeneratedFiles, toOpenApi } from './support/kiota.mjs';

const namespace = 'microsoft.graph';
const alias = 'graph';

async function metadata(accept) {
  const response = await send('$metadata', { headers: { Accept: accept } });
  assert.equal(response.status, 200);
  return response;
}

/** Rewrites every alias-qualified name (graph.x) into its namespace-qualified form (microsoft.graph.x). */
function withNamespace(value) {
  if (typeof value === 'string') {
    return value.startsWith(`${alias}.`) ? `${namespace}.${value.slice(alias.length + 1)}` : value;
  }

  if (Array.isArray(value)) {
    return value.map(withNamespace);
  }

  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, withNamespace(member)]));
  }

  return value;
}

describe('CSDL tooling', { timeout: 120_000 }, () => {
  test('odata-csdl agrees with the served CSDL JSON', async () => {
    const xmlResponse = await metadata('application/xml');
    assert.match(xmlResponse.headers.get('Content-Type'), /^application\/xml/);
    const jsonResponse = await metadata('application/json');
    assert.match(jsonResponse.headers.get('Content-Type'), /^application\/json/);

    const converted = xml2json(await xmlResponse.text());
    const served = await jsonResponse.json();

    assert.deepEqual(withNamespace(converted), withNamespace(served));
    assert.equal(converted[namespace].$Alias, alias);
  });

  test('odata-openapi writes keys as path segments', async () => {
    const openApi = toOpenApi(await (await metadata('application/xml')).text());

    const paths = Object.keys(openApi.paths);
    assert.ok(paths.includes(`/${setPath}`), `paths: ${paths}`);
    assert.ok(paths.includes(`/${setPath}/{id}`), `paths: ${paths}`);
    assert.ok(!paths.some(entry => entry.includes('(')), `no key in parentheses: ${paths}`);
    assert.deepEqual(Object.keys(openApi.paths[`/${setPath}/{id}`]).sort(), ['delete', 'get', 'parameters', 'patch']);
    assert.deepEqual(openApi.servers, [{ url: 'http://127.0.0.1:5080/v1.0' }]);
    assert.ok(openApi.components.schemas[`${namespace}.participantLeftNotification`], 'the entity type has a schema');
  });

  test('committed Kiota client matches a regeneration', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'graphlite-kiota-'));
    try {
      await generateKiotaClient(await (await metadata('application/xml')).text(), folder);

      const generated = await readGeneratedFiles(folder);
      const committed = await readGeneratedFiles(committedKiotaFolder);
      assert.deepEqual([...generated.keys()].sort(), [...committed.keys()].sort(),
        'regenerate with: node test/clients/support/regenerate-kiota.mjs');
      for (const [file, text] of generated) {
        assert.equal(committed.get(file), text, `${file} differs; regenerate with: node test/clients/support/regenerate-kiota.mjs`);
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
