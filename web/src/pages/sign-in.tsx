import { useState } from 'preact/hooks';
import { t } from '../i18n.js';

export function SignIn({ onSignIn, error }: { onSignIn: (token: string) => void; error: string | null }) {
  const [token, setToken] = useState('');
  return (
    <main class="sign-in">
      <h1>{t('app_title')}</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (token.trim()) onSignIn(token.trim());
        }}
      >
        <label for="token">{t('token')}</label>
        <input
          id="token"
          type="password"
          autocomplete="off"
          value={token}
          onInput={(e) => setToken(e.currentTarget.value)}
        />
        <p class="hint">{t('token_hint')}</p>
        {error && (
          <p class="notice error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary">
          {t('sign_in')}
        </button>
      </form>
    </main>
  );
}
