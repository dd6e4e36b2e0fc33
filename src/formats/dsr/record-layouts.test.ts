import { describe, expect, it } from 'vitest';
import { cellPosition, layoutFromHeaderRow, resolveRecordLayout, splitRecordCode } from './record-layouts.js';

describe('DSR record layouts', () => {
  it('reads record codes case-insensitively, unversioned as version 00', () => {
    expect(splitRecordCode('su02.02')).toEqual({ type: 'SU02', version: '02' });
    expect(splitRecordCode('SU03')).toEqual({ type: 'SU03', version: '00' });
    expect(resolveRecordLayout('as02.03').status).toBe('known');
  });

  it('reads a newer version of a known record with the nearest known layout', () => {
    const r = resolveRecordLayout('SU02.03');
    expect(r.status).toBe('nearest');
    if (r.status !== 'unknown') expect(cellPosition(r.layout, 'NumberOfStreams')).toBe(8);
  });

  it('takes cells from a # header row, and from the table for a cell the header names differently', () => {
    const r = resolveRecordLayout('SU02.02');
    if (r.status === 'unknown') throw new Error('layout missing');
    const fromHeader = layoutFromHeaderRow(r.layout, ['BlockId', 'SummaryRecordId', 'SalesTransactionId', 'TransactedRelease', 'TransactedResource', 'IsRoyaltyBearing', 'Streams', 'UseType']);
    expect(cellPosition(fromHeader, 'UseType')).toBe(9);
    expect(cellPosition(fromHeader, 'NumberOfStreams')).toBe(8);
  });

  it('knows nothing of record types outside the tables', () => {
    expect(resolveRecordLayout('ZZ99.01').status).toBe('unknown');
  });

  it('has the UGC 1.2 SU03.02 DspResourceId where UGC 1.1 had DspReleaseId', () => {
    const r = resolveRecordLayout('SU03.02');
    const old = resolveRecordLayout('SU03.01');
    if (r.status === 'unknown' || old.status === 'unknown') throw new Error('layout missing');
    expect(cellPosition(r.layout, 'DspResourceId')).toBe(5);
    expect(cellPosition(old.layout, 'DspResourceId', 'DspReleaseId')).toBe(5);
  });
});
