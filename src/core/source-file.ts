import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Message, Place } from '../../schemas/message.js';

/** Thrown by `SourceFile.fail`: bad input that ends this document (never the batch). */
export class DocumentFailure extends Error {
  constructor(
    readonly reason: string,
    readonly rule: string,
  ) {
    super(reason);
    this.name = 'DocumentFailure';
  }
}

/**
 * The file object that travels beside the document through the stages (after vfile):
 * where it came from, its hash, and the messages stages leave about it.
 */
export class SourceFile {
  readonly messages: Message[] = [];
  readonly sha256: string;
  readonly name: string;

  constructor(
    readonly path: string,
    readonly bytes: Buffer,
  ) {
    this.sha256 = createHash('sha256').update(bytes).digest('hex');
    this.name = basename(path);
  }

  info(reason: string, rule: string, place?: Place): void {
    this.messages.push({ severity: 'info', reason, rule, place });
  }

  warn(reason: string, rule: string, place?: Place): void {
    this.messages.push({ severity: 'warn', reason, rule, place });
  }

  /** Record a failure and stop processing this document. */
  fail(reason: string, rule: string, place?: Place): never {
    this.messages.push({ severity: 'fail', reason, rule, place });
    throw new DocumentFailure(reason, rule);
  }
}
