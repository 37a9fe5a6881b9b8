import type { ReactNode } from 'react';
import { Brand } from './Brand.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** The centred card the sign-in and first-start pages share, with the language switch (there is no header yet). */
export function AuthCard({
  title,
  intro,
  children,
}: {
  title: string;
  intro: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="auth-page">
      <main className="auth-card card" id="main">
        <div className="auth-card-head">
          <Brand />
          <LanguageSwitch />
        </div>
        <h1>{title}</h1>
        <p className="lead">{intro}</p>
        {children}
      </main>
    </div>
  );
}
