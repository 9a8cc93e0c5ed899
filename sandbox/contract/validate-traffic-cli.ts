/** Child-process entry of validateTraffic: `node --import tsx validate-traffic-cli.ts <entries.json> <specsDir>`. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { trafficEntrySchema, type TrafficEntry } from '../emulator/traffic-log';
import { validateTrafficInProcess } from './openapi-validator';

const [file, dir] = process.argv.slice(2);
if (!file || !dir) {
  process.stderr.write('usage: validate-traffic-cli <entries.json> <specsDir>\n');
  process.exit(2);
}
const entries = z.array(trafficEntrySchema).parse(JSON.parse(readFileSync(file, 'utf8'))) as TrafficEntry[];
validateTrafficInProcess(entries, dir)
  .then((report) => {
    process.stdout.write(JSON.stringify(report));
  })
  .catch((e: unknown) => {
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  });
