package main

import "path/filepath"

// underDir resolves a path argument after -C, as git does: a relative path
// names a file under dir, the directory coach runs in.
func underDir(dir, path string) string {
	if filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(dir, path)
}
