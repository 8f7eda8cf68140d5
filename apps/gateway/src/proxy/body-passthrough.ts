import { Transform, pipeline, type TransformCallback } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { errorCodes, type FastifyRequest } from 'fastify';

type Done = (error: Error | null, body?: unknown) => void;

/**
 * A content-type parser that parses nothing: the body stays a stream and goes to the upstream as it
 * arrives. Bodies over the limit are refused up front by Content-Length, or cut off while streaming.
 */
export function passThroughBody(limitBytes: number) {
  return (request: FastifyRequest, payload: IncomingMessage, done: Done): void => {
    const declared = request.headers['content-length'];
    if (declared !== undefined) {
      if (Number(declared) > limitBytes) done(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
      else done(null, payload);
      return;
    }
    done(
      null,
      pipeline(payload, new ByteLimit(limitBytes), () => undefined),
    );
  };
}

class ByteLimit extends Transform {
  private seen = 0;

  constructor(private readonly limitBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.limitBytes) callback(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
    else callback(null, chunk);
  }
}

export function isBodyTooLarge(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'FST_ERR_CTP_BODY_TOO_LARGE';
}
