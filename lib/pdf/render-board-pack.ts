import { createElement, type ReactElement } from 'react';
import { renderToBuffer, type DocumentProps } from '@react-pdf/renderer';
import type { BoardPackModel } from './board-pack-model';
import { BoardPackDocument } from './document/board-pack-document';
import { prepareFonts } from './fonts';
import { enqueueRender } from './render-queue';
import { packTranslator } from './translator';

/** The pack's PDF bytes, rendered in Node (no browser), one render at a time per process. */
export function renderBoardPack(model: BoardPackModel): Promise<Buffer> {
  return enqueueRender(async () => {
    prepareFonts();
    const element = createElement(BoardPackDocument, { model, t: packTranslator(model.locale) }) as unknown as ReactElement<DocumentProps>;
    return renderToBuffer(element);
  });
}
