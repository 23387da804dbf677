// Turns GraphLite's $metadata into an OpenAPI description (odata-openapi) and a C# client (Kiota), the way
// a user who generates a client for GraphLite would.
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { csdl2openapi } from 'odata-openapi';
import { xml2json } from 'odata-csdl';

export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The committed generated client, compiled and exercised by the GraphLite.Conformance project. */
export const committedKiotaFolder = path.join(repositoryRoot, 'test/GraphLite.Conformance/Kiota');

// The description names GraphLite's default address; the tests point the client at the live server instead.
const openApiOptions = { scheme: 'http', host: '127.0.0.1:5080', basePath: '/v1.0' };

/** Converts CSDL XML into an OpenAPI 3 document, failing on any message the converter reports. */
export function toOpenApi(metadataXml) {
  const messages = [];
  const openApi = csdl2openapi(xml2json(metadataXml), { ...openApiOptions, messages });
  if (messages.length > 0) {
    throw new Error(`odata-openapi reported: ${JSON.stringify(messages)}`);
  }

  return openApi;
}

/**
 * Writes openapi.json and the Kiota C# client (Generated/) into folder, replacing what was there.
 * Kiota runs as the local dotnet tool pinned in .config/dotnet-tools.json.
 */
export async function generateKiotaClient(metadataXml, folder) {
  const openApiPath = path.join(folder, 'openapi.json');
  const outputPath = path.join(folder, 'Generated');
  await mkdir(folder, { recursive: true });
  await writeFile(openApiPath, `${JSON.stringify(toOpenApi(metadataXml), null, 2)}\n`);
  await rm(outputPath, { recursive: true, force: true });

  await promisify(execFile)('dotnet', [
    'kiota', 'generate',
    '--openapi', openApiPath,
    '--output', outputPath,
    '--language', 'CSharp',
    '--class-name', 'GraphLiteClient',
    '--namespace-name', 'GraphLite.Conformance.Kiota.Generated',
    '--exclude-backward-compatible',
    '--log-level', 'Warning',
  ], {
    cwd: repositoryRoot,
    env: { ...process.env, KIOTA_OFFLINE_ENABLED: 'true', DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' },
    timeout: 120_000,
  });
}

/** Reads openapi.json and every file under Generated/ into a map from relative path (forward slashes) to text. */
export async function readGeneratedFiles(folder) {
  const files = new Map([['openapi.json', await readFile(path.join(folder, 'openapi.json'), 'utf8')]]);
  const generated = path.join(folder, 'Generated');
  for (const entry of await readdir(generated, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const fullPath = path.join(entry.parentPath, entry.name);
      files.set(path.relative(folder, fullPath).split(path.sep).join('/'), await readFile(fullPath, 'utf8'));
    }
  }

  return files;
}
