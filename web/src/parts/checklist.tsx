import { t } from '../i18n.js';
import type { Dossier } from '../types.js';

/** Missing required components and consistency findings, as a list to tick off before accepting the dossier. */
export function Checklist({ dossier }: { dossier: Dossier }) {
  return (
    <section class="panel checklist-panel" aria-label={t('checklist')}>
      <h2>{t('checklist')}</h2>
      <h3>{dossier.missing.length > 0 ? t('missing') : t('nothing_missing')}</h3>
      <ul class="checklist" data-testid="missing-list">
        {dossier.missing.map((m) => (
          <li key={m.type} data-type={m.type} class="missing">
            <input type="checkbox" checked={false} disabled aria-label={m.name} /> {m.name}
            {m.reusableComponentId && <small> · {t('reusable')}</small>}
          </li>
        ))}
      </ul>
      <h3>{dossier.findings.length > 0 ? t('findings') : t('no_findings')}</h3>
      <ul class="checklist" data-testid="findings-list">
        {dossier.findings.map((f, i) => (
          <li key={`${f.code}-${i}`} class={f.severity}>
            <input type="checkbox" checked={false} disabled aria-label={f.code} /> {f.detail}
          </li>
        ))}
      </ul>
    </section>
  );
}
