import { makeStyles, tokens } from '@fluentui/react-components';

/** The pane's styles (Fluent's makeStyles: atomic classes written once, no inline styles but the computed ones). */
export const useStyles = makeStyles({
  main: { padding: '12px', display: 'flex', flexDirection: 'column', gap: '10px', fontFamily: 'inherit' },
  row: { display: 'flex', gap: '8px', alignItems: 'center' },
  wrapRow: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
  filters: { display: 'flex', gap: '4px', flexWrap: 'wrap' },
  hiddenInput: { position: 'absolute', width: '1px', height: '1px', opacity: 0, pointerEvents: 'none' },
  tiles: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(96px, 1fr))', gap: '6px' },
  tile: { justifyContent: 'space-between', minWidth: 0 },
  groupHead: {
    width: '100%',
    justifyContent: 'flex-start',
    fontWeight: tokens.fontWeightRegular,
    borderBottom: '1px solid #e0e0e0',
    borderRadius: 0,
  },
  groupText: { flex: 1, textAlign: 'left' },
  noShrink: { flexShrink: 0 },
  requires: { margin: '2px 8px 0' },
  cardTop: { display: 'flex', gap: '6px', alignItems: 'baseline', flexWrap: 'wrap' },
  sentence: { margin: '4px 0 0' },
  workplace: { padding: '4px 8px 8px' },
  flush: { margin: 0 },
  saveRow: { display: 'flex', gap: '8px', alignItems: 'center', marginTop: '4px' },
  listRow: { paddingBottom: '6px' },
  windowed: { position: 'relative' },
  windowRow: { position: 'absolute', top: 0, left: 0, width: '100%', paddingBottom: '6px' },
  page: { position: 'relative', border: '1px solid #ccc', marginTop: '4px' },
  pageImage: { width: '100%', display: 'block' },
  pageBox: { position: 'absolute', border: '2px solid #C00000', backgroundColor: 'rgba(255, 199, 206, 0.35)' },
  sample: { width: '100%', border: '1px solid #ddd' },
});
