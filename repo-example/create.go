package repoexample

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
)

// Create makes the example at dir, a new or empty directory, in a git
// repository of its own: Build's history, then what generate writes in the
// directory (the plans, team.md and agendas coach makes of it) committed
// with the message generate returns. It returns the number of commits and
// the files of the final tree.
//
// The example is built in a directory of its own beside dir and renamed to
// dir once complete: an interrupted run (Ctrl-C, a failure, kill -9) leaves
// no half-built dir to block the next one.
func Create(ctx context.Context, dir, version string, generate func(dir string) (message string, err error)) (commits int, files []File, err error) {
	final := dir
	if err := os.MkdirAll(filepath.Dir(filepath.Clean(dir)), 0o755); err != nil {
		return 0, nil, err
	}
	dir, err = os.MkdirTemp(filepath.Dir(filepath.Clean(final)), "."+filepath.Base(filepath.Clean(final))+".coach-init-*")
	if err != nil {
		return 0, nil, err
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		os.RemoveAll(dir)
		return 0, nil, err
	}
	done := false
	defer func() {
		if !done {
			os.RemoveAll(dir)
		}
	}()
	hashes, err := Build(dir, version)
	if err != nil {
		return 0, nil, err
	}
	message, err := generate(dir)
	if err != nil {
		return 0, nil, err
	}
	if _, err := CommitAll(dir, message); err != nil {
		return 0, nil, fmt.Errorf("commit the example's plans: %w", err)
	}
	if files, err = Final(version); err != nil {
		return 0, nil, err
	}
	if err := ctx.Err(); err != nil {
		return 0, nil, err
	}
	// rename(2) replaces an empty directory; elsewhere it is removed first.
	if err := os.Rename(dir, final); err != nil {
		if rerr := os.Remove(final); rerr != nil {
			return 0, nil, fmt.Errorf("move the example into %s: %w", final, err)
		}
		if err := os.Rename(dir, final); err != nil {
			return 0, nil, fmt.Errorf("move the example into %s: %w", final, err)
		}
	}
	done = true
	return len(hashes) + 1, files, nil
}
