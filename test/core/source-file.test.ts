import { SourceFile, DocumentFailure } from '../../src/core/source-file.js';
import { Message } from '../../schemas/message.js';

describe('SourceFile', () => {
  it('hashes the bytes and names the file', () => {
    const file = new SourceFile('/tmp/a/báo-cáo.txt', Buffer.from('abc'));
    expect(file.sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(file.name).toBe('báo-cáo.txt');
  });

  it('records messages that validate against the Message schema, and fail throws', () => {
    const file = new SourceFile('x.pdf', Buffer.from(''));
    file.warn('page 2 has no text layer', 'read:no-text-layer', { page: 2 });
    expect(() => file.fail('file is empty', 'read:empty')).toThrow(DocumentFailure);
    expect(file.messages.map((m) => Message.parse(m).severity)).toEqual(['warn', 'fail']);
  });
});
