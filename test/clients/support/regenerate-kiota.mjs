// Regenerates the committed Kiota client from a running GraphLite's $metadata:
//   GRAPHLITE_URL=http://127.0.0.1:5080/v1.0 node test/clients/support/regenerate-kiota.mjs
import { send } from './graphlite.mjs';
import { committedKiotaFolder, generateKiotaClient } from './kiota.mjs';

const response = await send('$metadata');
if (response.status !== 200) {
  throw new Error(`GET $metadata failed with status ${response.status}.`);
}

await generateKiotaClient(await response.text(), committedKiotaFolder);
console.log(`Wrote ${committedKiotaFolder}`);
