import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NAV_ITEMS } from '../routing.ts';
import { Link } from './Link.tsx';

interface Props {
  path: string;
}

/**
 * The page links. On a desktop they are always there; on a phone (≤ 640 px, styles.css) they wrapped onto four
 * lines above every page, so they fold behind a "Menu" button (a disclosure: the button says whether the list is
 * open and which element it controls). Escape, a click elsewhere and following a link close it again.
 */
export function NavMenu({ path }: Props) {
  const { t } = useTranslation('layout');
  const [open, setOpen] = useState(false);
  const listId = useId();
  const navRef = useRef<HTMLElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  // A page changed by any means (a link here, the back button, a link on the page) leaves the menu closed.
  useEffect(() => setOpen(false), [path]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      // Focus was in the list, which is about to disappear: back to the button that opened it.
      buttonRef.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!navRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const followed = () => {
    setOpen(false);
    // The chosen page is what the reader came for: its content takes the focus, not the hidden list.
    document.getElementById('main')?.focus({ preventScroll: true });
  };

  const current = NAV_ITEMS.find((item) => path.startsWith(item.path));
  return (
    <nav ref={navRef} className="app-nav" data-open={open ? 'true' : undefined} aria-label={t('mainNav')}>
      <button
        ref={buttonRef}
        type="button"
        className="nav-menu-button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((was) => !was)}
      >
        <span className="nav-menu-icon" aria-hidden="true" />
        <span>{t('menu')}</span>
        {current && (
          <span className="nav-menu-current" aria-hidden="true">
            {t(`nav.${current.path.slice(1)}`, { defaultValue: current.label })}
          </span>
        )}
      </button>
      <ul id={listId}>
        {NAV_ITEMS.map((item) => (
          <li key={item.path}>
            <Link
              to={item.path}
              aria-current={path.startsWith(item.path) ? 'page' : undefined}
              onClick={followed}
            >
              {/* A page added to NAV_ITEMS before its catalogue entry still shows its English label. */}
              {t(`nav.${item.path.slice(1)}`, { defaultValue: item.label })}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
