package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/go-git/go-git/v5"
)

// writeFileAtomic writes data to path through a temporary file in the same
// directory and a rename, so an interrupted run never leaves half a file.
func writeFileAtomic(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func exists(path string) (bool, error) {
	_, err := os.Stat(path)
	if err == nil {
		return true, nil
	}
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	return false, err
}

// enclosingGitRepo returns the root of the git repository that holds dir (or
// would hold it, when dir does not exist yet), or "" when there is none.
func enclosingGitRepo(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := abs; ; d = filepath.Dir(d) {
		if ok, err := exists(d); err != nil {
			return "", err
		} else if ok {
			repo, err := git.PlainOpenWithOptions(d, &git.PlainOpenOptions{DetectDotGit: true})
			if errors.Is(err, git.ErrRepositoryNotExists) {
				return "", nil
			}
			if err != nil {
				return "", fmt.Errorf("open git repository at %s: %w", d, err)
			}
			wt, err := repo.Worktree()
			if err != nil {
				return d, nil // a bare repository: still a repository
			}
			return wt.Filesystem.Root(), nil
		}
		if filepath.Dir(d) == d {
			return "", nil
		}
	}
}

// underDir resolves a path argument after -C, as git does: a relative path
// names a file under dir, the directory coach runs in.
func underDir(dir, path string) string {
	if filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(dir, path)
}
