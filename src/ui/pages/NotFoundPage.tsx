import { HOME_PATH } from '../routing.ts';
import { Link } from '../components/Link.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';

export function NotFoundPage() {
  useDocumentTitle('Not found');
  return (
    <div className="page-head">
      <h1>Page not found</h1>
      <p className="lead">
        There is nothing at this address. <Link to={HOME_PATH}>Go to the overview</Link>.
      </p>
    </div>
  );
}
