// hls.js publishes its light build (no subtitles, alternate audio or DRM: enough for a camera) without types of its own.
declare module 'hls.js/light' {
  export { default } from 'hls.js';
}
