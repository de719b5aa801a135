/** Counts what a fault test did, printed at the end of the file as the figures of the run. */
export type FaultTally = { faults: number; requests: number; partialWrites: number; notes: string[] };

export function newTally(): FaultTally {
  return { faults: 0, requests: 0, partialWrites: 0, notes: [] };
}

export function printTally(title: string, tally: FaultTally): void {
  const lines = [
    `[faults] ${title}: ${tally.faults} fault(s) injected, ${tally.requests} request(s) or operation(s) checked, ${tally.partialWrites} partial write(s) found`,
    ...tally.notes.map((note) => `[faults]   ${note}`),
  ];
  console.log(lines.join('\n'));
}
