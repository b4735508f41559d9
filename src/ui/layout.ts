// Small layout helpers shared by the top bar's parts (Garden theme spacing, no fixed pixels
// except the CCP's minimum size, which Amazon documents as 320 × 460).
import styled from 'styled-components';
import type { IGardenTheme } from '@zendeskgarden/react-theming';

type Space = keyof Omit<IGardenTheme['space'], 'base'>;

/** A theme spacing value, with Garden's default as a fallback outside a ThemeProvider. */
export const space =
  (k: Space) =>
  (p: { theme: unknown }): string =>
    (p.theme as Partial<IGardenTheme> | undefined)?.space?.[k] ?? FALLBACK[k];

const FALLBACK: Record<Space, string> = { xxs: '4px', xs: '8px', sm: '12px', md: '20px', lg: '32px', xl: '40px', xxl: '48px' };

/** The theme's system font stack (Garden leaves the page's own font alone). */
export const systemFont = (p: { theme: unknown }): string =>
  (p.theme as Partial<IGardenTheme> | undefined)?.fonts?.system ??
  'system-ui, -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif';

/** A vertical stack with the theme's small gap. */
export const Stack = styled.div`
  display: flex;
  flex-direction: column;
  gap: ${space('xs')};
  min-width: 0;
`;

/** A wrapping row of controls. */
export const Row = styled.div`
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: ${space('xs')};
  min-width: 0;
`;

/** Text that may hold long unbroken values (origins, numbers, queue names). */
export const Breakable = styled.span`
  overflow-wrap: anywhere;
`;

/** Hidden from sight, read by screen readers. */
export const VisuallyHidden = styled.span`
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
`;
