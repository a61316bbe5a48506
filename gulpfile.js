const path = require('path');
const { task, src, dest } = require('gulp');

// tsc emits the code and codex files; icons are the only static files n8n loads from dist/.
task('build:icons', copyIcons);

function copyIcons() {
	const nodes = src(path.resolve('nodes', '**', '*.{png,svg}')).pipe(dest(path.resolve('dist', 'nodes')));
	const credentials = src(path.resolve('credentials', '**', '*.{png,svg}')).pipe(
		dest(path.resolve('dist', 'credentials')),
	);
	const icons = src(path.resolve('icons', '*.{png,svg}')).pipe(dest(path.resolve('dist', 'icons')));
	return Promise.all([nodes, credentials, icons].map(streamDone));
}

function streamDone(stream) {
	return new Promise((resolve, reject) => stream.on('finish', resolve).on('error', reject));
}
