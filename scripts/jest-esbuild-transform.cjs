// Jest transform: TypeScript -> ESM JavaScript with esbuild (fast; types are checked by tsc separately).
const { transformSync } = require('esbuild');

module.exports = {
  process(source, filename) {
    const result = transformSync(source, {
      loader: 'ts',
      format: 'esm',
      target: 'node20',
      sourcemap: 'inline',
      sourcefile: filename,
    });
    return { code: result.code };
  },
  getCacheKey(source, filename) {
    return require('crypto').createHash('sha256').update(filename).update('\0').update(source).digest('hex');
  },
};
