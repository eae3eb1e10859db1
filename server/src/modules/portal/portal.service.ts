import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../../config.js';
import { Language } from '../user/user.types.js';
import type { Portal } from './portal.types.js';

const defaultTerms = fileURLToPath(new URL('../../../assets/terms.md', import.meta.url));

export interface Terms {
  version: string;
  text: string;
}

/**
 * The terms of use live in a Markdown file the office edits (TERMS_FILE).
 * A first line `version: X` followed by `---` names the version; without it the
 * version is a hash of the text, so any edit asks every user to accept again.
 */
export function parseTerms(source: string): Terms | null {
  const match = /^version:[ \t]*(\S[^\r\n]*)\r?\n---[ \t]*\r?\n/.exec(source);
  const text = (match ? source.slice(match[0].length) : source).trim();
  if (!text) return null;
  const version = match ? match[1]!.trim() : createHash('sha256').update(text).digest('hex').slice(0, 12);
  return { version, text };
}

export class PortalService {
  private cached: { mtimeMs: number; terms: Terms | null } | undefined;

  constructor(private readonly config: Config) {
    if (!fs.existsSync(config.termsFile)) {
      fs.mkdirSync(path.dirname(config.termsFile), { recursive: true });
      fs.copyFileSync(defaultTerms, config.termsFile);
    }
  }

  /** Re-read when the file changes, so an office's edit applies without a restart. */
  async terms(): Promise<Terms | null> {
    const stat = await fs.promises.stat(this.config.termsFile).catch(() => null);
    if (!stat) return null;
    if (this.cached?.mtimeMs !== stat.mtimeMs) {
      this.cached = { mtimeMs: stat.mtimeMs, terms: parseTerms(await fs.promises.readFile(this.config.termsFile, 'utf8')) };
    }
    return this.cached.terms;
  }

  async portal(): Promise<Portal> {
    const terms = await this.terms();
    return {
      name: this.config.portalName,
      requireSecondFactor: this.config.requireSecondFactor,
      termsVersion: terms?.version ?? null,
      termsText: terms?.text ?? null,
      languages: [Language.NL, Language.EN],
      maxUploadMb: this.config.maxUploadBytes / (1024 * 1024),
      maxUploadFiles: this.config.maxUploadFiles,
    };
  }
}
