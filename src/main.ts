// Placeholder until the front end lands: proves the build and the page load.
const root = document.getElementById('game');
if (root) root.textContent = 'Third Side — the game is loading.';
