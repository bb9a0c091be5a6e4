import { t } from '../i18n.js';

export function ErrorNote({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p class="notice error" role="alert">
      {t('error')}: {error instanceof Error ? error.message : String(error)}
    </p>
  );
}
