// Every receipt held in some folders (agencies' state directories, a run's folder), as the
// verifier takes them; a folder with no receipts file holds none.
import { readReceipts } from '../../ledger/receipt-file.js';
import type { SignedReceipt } from '../../ledger/receipt.js';

export async function receiptsIn(dirs: Iterable<string>): Promise<SignedReceipt[]> {
  const all: SignedReceipt[] = [];
  for (const dir of dirs) all.push(...(await readReceipts(dir).catch(() => [])).map((s) => s.receipt));
  return all;
}
