// Garden's theme at the root of every location page.
import type { ReactNode } from 'react';
import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming';

export function GardenRoot({ children }: { children: ReactNode }) {
  return <ThemeProvider theme={DEFAULT_THEME}>{children}</ThemeProvider>;
}
