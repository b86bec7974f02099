export interface MyGroup {
  id: number;
  tier: 'free' | 'member';
  name: string;
  /** False: the viewer does not hold the tier now, and the server sent neither link nor notes. */
  entitled: boolean;
  joinLink: string | null;
  notes: string | null;
}

export interface AdminGroup {
  id: number;
  tier: 'free' | 'member';
  name: string;
  joinLink: string;
  notes: string;
  version: number;
  updatedAt: string;
}
