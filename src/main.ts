/**
 * Entry point, kept small: the page's styles, then the app (or, for the benchmark's baseline, an
 * empty Phaser scene). Phaser itself is loaded only when the table first needs its drawing.
 */
import './game/ui.css';

const params = new URLSearchParams(location.search);
const root = document.getElementById('app')!;

if (params.get('bench') === 'empty') {
  void import('./game/empty').then((m) => m.startEmptyGame(root));
} else {
  // Straight to the table (benchmark deep link or a resumed game): fetch the drawing alongside.
  if (params.has('autostart')) void import('./game/stage');
  void import('./boot').then((m) => m.boot(params, root));
}
