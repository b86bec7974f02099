import { useCallback, useState } from 'react';

/** A named set of list filters, kept in this browser for this user. */
export interface SavedView {
  name: string;
  query: string;
}

const storageKey = (userId: number) => `luoshi.supervision.views.${userId}`;

function read(userId: number): SavedView[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey(userId)) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (v): v is SavedView =>
        typeof v === 'object' &&
        v !== null &&
        typeof (v as SavedView).name === 'string' &&
        typeof (v as SavedView).query === 'string',
    );
  } catch {
    return [];
  }
}

export function useSavedViews(userId: number) {
  const [views, setViews] = useState<SavedView[]>(() => read(userId));
  const write = useCallback(
    (next: SavedView[]) => {
      setViews(next);
      try {
        localStorage.setItem(storageKey(userId), JSON.stringify(next));
      } catch {
        // Storage full or disabled: the views last for this visit only.
      }
    },
    [userId],
  );
  /** Saving under an existing name replaces that view. */
  const save = useCallback(
    (view: SavedView) => write([...views.filter((v) => v.name !== view.name), view]),
    [views, write],
  );
  const remove = useCallback((name: string) => write(views.filter((v) => v.name !== name)), [views, write]);
  return { views, save, remove };
}
