import 'server-only';
import { recordShareLinkView } from '@/lib/data/share-links';

/** Views of one link within this window are added up and written together. */
const WINDOW_MS = 1000;

type Window = { views: number; at: Date };
const windows = new Map<string, Window>();

function write(linkId: string, views: number, at: Date): Promise<void> {
  return recordShareLinkView(linkId, views, at).catch((error: unknown) => console.error('Could not count board views', error));
}

function closeWindow(linkId: string): void {
  const window = windows.get(linkId);
  windows.delete(linkId);
  if (window && window.views > 0) void write(linkId, window.views, window.at);
}

/**
 * Counts one view of a board link. The first view of a link in a second is written at once (and
 * awaited); the views that follow within the second are added up and written in one UPDATE when it
 * ends. A board meeting opening the link at once then costs each process about one write per second
 * on the link's row, instead of one per viewer queueing on its row lock. A crash loses at most the
 * last second's views of this process.
 */
export function countBoardView(linkId: string, at = new Date()): Promise<void> {
  const open = windows.get(linkId);
  if (open) {
    open.views += 1;
    open.at = at;
    return Promise.resolve();
  }
  windows.set(linkId, { views: 0, at });
  setTimeout(() => closeWindow(linkId), WINDOW_MS).unref();
  return write(linkId, 1, at);
}
