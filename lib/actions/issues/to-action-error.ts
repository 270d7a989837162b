import 'server-only';
import { ActionError } from '@/lib/actions/action';
import { DataError } from '@/lib/data/sections';

/** Runs a data-layer call, turning its expected failures into ActionErrors for createAction. */
export async function asAction<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof DataError) throw new ActionError(error.code, error.message, error.data, error.fieldErrors);
    throw error;
  }
}
