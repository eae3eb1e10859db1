import type { IncomingMessage, ServerResponse } from 'node:http';
import { PassThrough, type Readable } from 'node:stream';
import busboy from 'busboy';
import { WriteStream } from 'fs-capacitor';
import createError from 'http-errors';
import objectPath from 'object-path';
import Upload from 'graphql-upload/Upload.mjs';
import type { ProcessRequestOptions } from 'graphql-upload/processRequest.mjs';
import type { FileUpload } from '../graphql/scalars.js';

const SPEC = 'https://github.com/jaydenseric/graphql-multipart-request-spec';

/**
 * How long a file part may wait for its resolver before it is buffered on disk, so that the parts after it
 * can be read (a resolver that awaits its second file before reading its first, or a slow one).
 */
const SPILL_AFTER_MS = 1000;

/**
 * graphql-upload's `processRequest` with the same multipart handling and errors, but a file is streamed
 * straight from the request into its resolver when the resolver reads it in time; graphql-upload buffers
 * every file to a temporary file first, writing each byte twice. Parts nobody reads in time are buffered
 * as graphql-upload does; parts nobody reads at all are drained when the answer is sent.
 */
export function streamingProcessRequest(request: IncomingMessage, response: ServerResponse, { maxFieldSize = 1_000_000, maxFileSize = Infinity, maxFiles = Infinity }: ProcessRequestOptions = {}) {
  return new Promise<Record<string, unknown>>((resolve, reject) => {
    let exitError: Error | undefined;
    let released = false;
    let operations: Record<string, unknown> | undefined;
    let map: Map<string, Upload> | undefined;
    const parts: FilePart[] = [];

    const parser = busboy({
      headers: request.headers,
      defParamCharset: 'utf8',
      limits: { fieldSize: maxFieldSize, fields: 2, fileSize: maxFileSize, files: maxFiles },
    });

    const exit = (error: Error, isParserError = false) => {
      if (exitError) return;
      exitError = error;
      if (map) for (const upload of map.values()) if (!upload.file) upload.reject(error);
      for (const part of parts) part.fail(error);
      if (isParserError) parser.destroy();
      else parser.destroy(error);
      request.unpipe(parser);
      setImmediate(() => request.resume());
      reject(error);
    };

    parser.on('field', (name, value, { valueTruncated }) => {
      if (valueTruncated) return exit(createError(413, `The ‘${name}’ multipart field value exceeds the ${maxFieldSize} byte size limit.`));
      if (name === 'operations') {
        try {
          operations = JSON.parse(value);
        } catch {
          return exit(createError(400, `Invalid JSON in the ‘operations’ multipart field (${SPEC}).`));
        }
        // A batch (an array) is refused later, as over JSON.
        if (typeof operations !== 'object' || !operations) return exit(createError(400, `Invalid type for the ‘operations’ multipart field (${SPEC}).`));
      } else if (name === 'map') {
        if (!operations) return exit(createError(400, `Misordered multipart fields; ‘map’ should follow ‘operations’ (${SPEC}).`));
        let entries: [string, unknown][];
        try {
          const parsed: unknown = JSON.parse(value);
          if (typeof parsed !== 'object' || !parsed || Array.isArray(parsed)) throw new Error();
          entries = Object.entries(parsed);
        } catch {
          return exit(createError(400, `Invalid JSON or type in the ‘map’ multipart field (${SPEC}).`));
        }
        if (entries.length > maxFiles) return exit(createError(413, `${maxFiles} max file uploads exceeded.`));
        map = new Map();
        const paths = objectPath(operations);
        for (const [field, targets] of entries) {
          if (!Array.isArray(targets) || targets.some((t) => typeof t !== 'string')) {
            return exit(createError(400, `Invalid type for the ‘map’ multipart field entry key ‘${field}’ (${SPEC}).`));
          }
          const upload = new Upload();
          map.set(field, upload);
          for (const target of targets as string[]) {
            try {
              paths.set(target, upload);
            } catch {
              return exit(createError(400, `Invalid object path for the ‘map’ multipart field entry key ‘${field}’ value ‘${target}’ (${SPEC}).`));
            }
          }
        }
        resolve(operations);
      }
    });

    parser.on('file', (field, stream, { filename, encoding, mimeType }) => {
      if (!map) {
        drain(stream);
        return exit(createError(400, `Misordered multipart fields; files should follow ‘map’ (${SPEC}).`));
      }
      const upload = map.get(field);
      if (!upload) return drain(stream);
      const part = new FilePart(stream, maxFileSize, () => (released ? exitError ?? createError(400, 'The request has been answered.') : exitError));
      parts.push(part);
      upload.resolve({ filename: filename ?? '', mimetype: mimeType, encoding, createReadStream: () => part.read() } satisfies FileUpload);
    });

    parser.once('filesLimit', () => exit(createError(413, `${maxFiles} max file uploads exceeded.`)));
    parser.once('finish', () => {
      request.unpipe(parser);
      request.resume();
      if (!operations) return exit(createError(400, `Missing multipart field ‘operations’ (${SPEC}).`));
      if (!map) return exit(createError(400, `Missing multipart field ‘map’ (${SPEC}).`));
      for (const upload of map.values()) if (!upload.file) upload.reject(createError(400, 'File missing in the request.'));
    });
    parser.on('error', (error: Error) => exit(error, true));

    // graphqlUploadExpress holds the answer until the request has ended: parts nobody read must not hold it forever.
    const answer = response as ServerResponse & { send(...args: unknown[]): unknown };
    const send = answer.send;
    answer.send = function (...args: unknown[]) {
      released = true;
      for (const part of parts) part.discard();
      return send.apply(this, args);
    };
    response.once('close', () => {
      released = true;
      for (const part of parts) part.release();
    });
    request.once('close', () => {
      if (!request.readableEnded) exit(createError(499, 'Request disconnected during file upload stream parsing.'));
    });
    request.pipe(parser);
  });
}

/** One file of the request: read straight from the request, or from a disk buffer once it waited too long. */
class FilePart {
  private state: 'waiting' | 'direct' | 'buffered' | 'discarded' = 'waiting';
  private error: Error | undefined;
  private direct: PassThrough | undefined;
  private buffer: WriteStream | undefined;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly stream: Readable,
    maxFileSize: number,
    private readonly requestError: () => Error | undefined,
  ) {
    stream.on('limit', () => this.fail(createError(413, `File truncated as it exceeds the ${maxFileSize} byte size limit.`)));
    stream.on('error', (error: Error) => this.fail(error));
    this.timer = setTimeout(() => this.spill(), SPILL_AFTER_MS);
  }

  read(): Readable {
    const error = this.error ?? this.requestError();
    if (error) throw error;
    if (this.state === 'buffered') return this.buffer!.createReadStream();
    if (this.state !== 'waiting') throw new Error('This upload has already been read');
    clearTimeout(this.timer);
    this.state = 'direct';
    const out = (this.direct = new PassThrough());
    // A reader that stops early (refused, failed) must not leave the rest of the request unread.
    out.once('close', () => {
      if (!this.stream.readableEnded) {
        this.stream.unpipe(out);
        this.stream.resume();
      }
    });
    this.stream.pipe(out);
    return out;
  }

  fail(error: Error) {
    if (this.error) return;
    this.error = error;
    clearTimeout(this.timer);
    this.stream.unpipe();
    this.stream.resume();
    this.direct?.destroy(error);
    this.buffer?.destroy(error);
  }

  /** The answer is being sent: a part still waiting for its reader will not be read. */
  discard() {
    if (this.state !== 'waiting') return;
    clearTimeout(this.timer);
    this.state = 'discarded';
    drain(this.stream);
  }

  release() {
    this.discard();
    this.buffer?.release();
  }

  private spill() {
    if (this.state !== 'waiting') return;
    this.state = 'buffered';
    const buffer = (this.buffer = new WriteStream());
    buffer.on('error', () => {
      this.stream.unpipe();
      this.stream.resume();
    });
    this.stream.pipe(buffer);
  }
}

function drain(stream: Readable) {
  stream.on('error', () => {});
  stream.resume();
}
