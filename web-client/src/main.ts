import './editor/vp-app.js';
