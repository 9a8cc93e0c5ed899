import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** One product call as the traffic log records it (one JSON line each). */
export interface TrafficEntry {
  method: string;
  /** Path with its product prefix (/rest/api/3/... or /wiki/api/v2/...), without the query. */
  path: string;
  query: Record<string, string>;
  requestBody: unknown;
  /** HTTP status; 0 when the emulator reset the connection. */
  status: number;
  responseBody: unknown;
}

export const trafficEntrySchema = z.object({
  method: z.string(),
  path: z.string(),
  query: z.record(z.string(), z.string()),
  requestBody: z.unknown(),
  status: z.number().int(),
  responseBody: z.unknown(),
});

export class TrafficLog {
  constructor(readonly file: string) {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }

  append(entry: TrafficEntry): void {
    appendFileSync(this.file, `${JSON.stringify({ ...entry, requestBody: entry.requestBody ?? null, responseBody: entry.responseBody ?? null })}\n`);
  }
}

/** Reads a traffic log file back (zod-checked); a torn last line is ignored. */
export function readTrafficLog(file: string): TrafficEntry[] {
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim().length > 0);
  const out: TrafficEntry[] = [];
  lines.forEach((line, i) => {
    try {
      out.push(trafficEntrySchema.parse(JSON.parse(line)) as TrafficEntry);
    } catch (e) {
      if (i < lines.length - 1) throw new Error(`traffic log ${file} line ${i + 1} is not a traffic entry: ${(e as Error).message}`);
    }
  });
  return out;
}
