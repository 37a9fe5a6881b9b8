import type { ReactNode } from 'react';
import { Brand } from './Brand.tsx';

/** The centred card the sign-in and first-start pages share. */
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
        <Brand />
        <h1>{title}</h1>
        <p className="lead">{intro}</p>
        {children}
      </main>
    </div>
  );
}
