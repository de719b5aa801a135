import { Document } from '@react-pdf/renderer';
import type { BoardPackModel } from '../board-pack-model';
import type { Translate } from '../key-messages';
import { packFormat } from '../pdf-format';
import { CoverPage } from './cover-page';
import { EfficiencySection, RetentionSection, RoiSection } from './chart-sections';
import { MethodologySection } from './methodology-section';
import { SummarySection } from './summary-section';
import { CohortSection, LeaderboardSection, LeadingSection } from './table-sections';

/** The board pack: cover, summary, sections, leaderboard when asked for, methodology appendix. */
export function BoardPackDocument({ model, t }: { model: BoardPackModel; t: Translate }) {
  const f = packFormat(model.locale, model.organization.currency);
  const props = { model, t, f };
  const context = { t, organization: model.organization.name, period: t('periodRange', { from: f.month(model.from), to: f.month(model.to) }) };
  return (
    <Document title={`${t('title')} — ${model.organization.name}`} author={model.preparedBy} subject={context.period} creator="Tenure" producer="Tenure" language={model.locale}>
      <CoverPage {...props} />
      <SummarySection {...props} context={context} />
      <RoiSection {...props} context={context} />
      <RetentionSection {...props} context={context} />
      <EfficiencySection {...props} context={context} />
      <CohortSection {...props} context={context} />
      <LeadingSection {...props} context={context} />
      {model.leaderboard ? <LeaderboardSection {...props} context={context} /> : null}
      <MethodologySection {...props} context={context} />
    </Document>
  );
}
