import type { Readable } from 'node:stream';
// @ts-expect-error clamscan ships no types
import NodeClam from 'clamscan';
import type { Config } from '../config.js';

export interface ScanResult {
  infected: boolean;
  viruses: string[];
}

/** Uploads go through clamd first when CLAMD_HOST is set. */
export interface VirusScanner {
  scan(stream: Readable): Promise<ScanResult>;
}

export function createScanner(clamd: Config['clamd']): VirusScanner | null {
  if (!clamd) return null;
  let client: Promise<{ scanStream(s: Readable): Promise<{ isInfected: boolean | null; viruses: string[] }> }> | null = null;
  const connect = () =>
    (client ??= new NodeClam()
      .init({ preference: 'clamdscan', clamscan: { active: false }, clamdscan: { ...clamd, timeout: 60_000, localFallback: false, active: true, bypassTest: true } })
      .catch((err: unknown) => {
        client = null;
        throw err;
      }));
  return {
    async scan(stream) {
      const result = await (await connect()).scanStream(stream);
      if (result.isInfected === null) throw new Error('clamd gave no verdict');
      return { infected: result.isInfected, viruses: result.viruses ?? [] };
    },
  };
}
