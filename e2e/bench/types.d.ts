declare module 'convnetjs';
declare module 'brain.js/browser.js';
