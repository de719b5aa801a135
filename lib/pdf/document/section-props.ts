import type { BoardPackModel } from '../board-pack-model';
import type { Translate } from '../key-messages';
import type { PackFormat } from '../pdf-format';

export type SectionProps = { model: BoardPackModel; t: Translate; f: PackFormat };
