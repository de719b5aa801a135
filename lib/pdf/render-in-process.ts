import { createElement, type ReactElement } from 'react';
import { renderToBuffer, type DocumentProps } from '@react-pdf/renderer';
import type { BoardPackModel } from './board-pack-model';
import { BoardPackDocument } from './document/board-pack-document';
import { prepareFonts } from './fonts';
import { packTranslator } from './translator';

/**
 * Renders a pack in the current thread. Called inside the PDF worker (lib/pdf/render-worker.mjs),
 * or on the main thread when the worker is switched off (TENURE_PDF_WORKER=off).
 */
export async function renderPackInProcess(model: BoardPackModel): Promise<Buffer> {
  prepareFonts();
  const element = createElement(BoardPackDocument, { model, t: packTranslator(model.locale) }) as unknown as ReactElement<DocumentProps>;
  return renderToBuffer(element);
}
