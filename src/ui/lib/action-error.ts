import { ApiError } from '../api.ts';
import { errorMessage } from './error-text.ts';

export interface ActionProblem {
  tone: 'error' | 'warning';
  title: string;
  message: string;
}

/** A failed button press (`title` already in the reader's language) ("Sync now", "Retry") as one alert: what did not happen, and the server's reason. */
export function actionProblem(error: unknown, title: string): ActionProblem {
  const message = errorMessage(error);
  const unreachable = error instanceof ApiError && error.status === 0;
  return { tone: unreachable ? 'warning' : 'error', title, message };
}
