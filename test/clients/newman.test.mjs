// The Postman collection in test/postman, run by newman 6.2.2 against a live GraphLite. Each request becomes
// one test here, passing when the request was sent and every pm.test in it passed.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import newman from 'newman';
import { baseUrl, token } from './support/graphlite.mjs';

const collectionPath = fileURLToPath(new URL('../postman/GraphLite.postman_collection.json', import.meta.url));
const environmentPath = fileURLToPath(new URL('../postman/GraphLite.postman_environment.json', import.meta.url));

const collection = JSON.parse(await readFile(collectionPath, 'utf8'));
const requests = collection.item.flatMap(folder => folder.item.map(item => ({ folder: folder.name, name: item.name })));

function runCollection() {
  return new Promise((resolve, reject) => {
    newman.run({
      collection: collectionPath,
      environment: environmentPath,
      envVar: [{ key: 'baseUrl', value: baseUrl }, { key: 'token', value: token }],
      reporters: [],
      timeoutRequest: 10_000,
      timeout: 120_000,
    }, (error, summary) => (error ? reject(error) : resolve(summary)));
  });
}

describe('Postman collection (newman)', { timeout: 180_000 }, async () => {
  const summary = await runCollection();
  const executions = new Map(summary.run.executions.map(execution => [execution.item.name, execution]));
  const failures = summary.run.failures;

  for (const request of requests) {
    test(`${request.folder} / ${request.name}`, () => {
      const execution = executions.get(request.name);
      assert.ok(execution, 'newman ran the request');
      assert.ok(!execution.requestError, `the request failed: ${execution.requestError?.message}`);
      assert.ok(execution.response, 'a pre-request guard skipped the request because an earlier request failed');

      const scriptErrors = failures.filter(failure => failure.source?.name === request.name && failure.error.name !== 'AssertionError');
      assert.deepEqual(scriptErrors.map(failure => `${failure.error.name}: ${failure.error.message}`), [], 'the test script ran without errors');

      const assertions = execution.assertions ?? [];
      assert.ok(assertions.length > 0, 'the request has tests');
      const failed = assertions.filter(assertion => assertion.error).map(assertion => `${assertion.assertion}: ${assertion.error.message}`);
      assert.deepEqual(failed, [], `${failed.length} of ${assertions.length} assertions failed`);
    });
  }
});
