import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import {
  createAckWriter,
  detectVersion,
  validateCwr,
  type AckOptions,
  type AckWriter,
  type CwrFileSummary,
  type CwrHeader,
  type CwrVersion,
} from '../../formats/cwr/index.js';

/**
 * Validates a CWR file and writes the ACK file a society returns, in the file's version: per
 * transaction an ACK (AS clean, AC with warnings, RJ rejected), a MSG per finding and, for accepted
 * transactions, the echoed work records. `write` receives lines without terminators. A file refused
 * whole gets one ACK for its HDR (version 2.1 when the version itself could not be read).
 */
export async function ackCwrFile(
  path: string,
  options: AckOptions,
  write: (lines: readonly string[]) => void | Promise<void>,
): Promise<CwrFileSummary> {
  let writer: AckWriter | undefined;
  let header: CwrHeader | undefined;
  const open = async (version: CwrVersion) => {
    writer = createAckWriter(version, header, options);
    await write(writer.start());
    return writer;
  };
  const summary = await validateCwr(
    createReadStream(path),
    { fileName: basename(path) },
    {
      onHeader: async (h) => {
        header = h;
        await open(h.version);
      },
      onTransaction: async (tx) => {
        await write((writer ?? (await open('2.1'))).transaction(tx));
      },
    },
  );
  if (summary.rejected) {
    const w = writer ?? (await open(summary.version ?? fallbackVersion(path)));
    await write(w.fileRejected(summary.errors[0]!));
  }
  await write((writer ?? (await open('2.1'))).end());
  return summary;
}

function fallbackVersion(path: string): CwrVersion {
  const d = detectVersion('', undefined, basename(path));
  return 'version' in d ? d.version : '2.1';
}
