import { createContext } from 'react';
import { FlagValuesStore } from './values-store.js';

/** Outside a provider every hook reads from an empty store, so it answers its default. */
export const FlagsContext = createContext<FlagValuesStore>(new FlagValuesStore());
FlagsContext.displayName = 'FlagsContext';
