// Package atomicfile writes the files coach generates so that nothing a
// person wrote is lost and nothing is left half-written.
//
// What is guaranteed, on a local file system:
//   - A reader, a crash or an interrupt sees a target either as it was or
//     with its whole new content: data is written and synced to a temporary
//     file in the target's directory first, and an interrupted write removes
//     its temporary file.
//   - Create never replaces a file that exists, however it got there (another
//     coach run, a person saving the file a moment ago): the target is a hard
//     link to the finished temporary file, and link(2) fails when the target
//     exists. There is no check-then-rename window.
//   - Replace renames over a file only while holding an exclusive lock on its
//     directory (flock(2), which every coach process takes and the kernel
//     releases when a process dies) and only after reading the file again
//     and finding exactly the content the caller computed from: a change made
//     since then, by a person or another coach run, stops it with ErrChanged.
//     Two coach processes are serialised exactly. A read-only file is never
//     replaced (ErrReadOnly).
//
// What is not guaranteed:
//   - Editors do not take coach's lock. A person's save that lands in the
//     microseconds between Replace's last comparison and its rename is
//     replaced, and an editor that still holds the old content can save it
//     over coach's new file afterwards (coach's output can be made again).
//   - Where hard links are not supported, Create falls back to an exclusive
//     open (O_EXCL) and writes the target in place: still never over another
//     file, but a crash (not an interrupt) can leave it short.
//   - Where flock is not available or not supported (some network file
//     systems), Replace compares and renames without the lock.
package atomicfile

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// ErrChanged means the target no longer holds the content the caller read:
// someone changed, created or removed it meanwhile, and it was left alone.
var ErrChanged = errors.New("changed while coach was writing it")

// ErrReadOnly means the target is read-only, and was left alone.
var ErrReadOnly = errors.New("read-only")

// Perm is the mode of the files Create makes.
const Perm fs.FileMode = 0o644

// Create makes path with data, and fails with an error that matches
// fs.ErrExist when path exists, whatever its content. Directories are made as
// needed.
func Create(ctx context.Context, path string, data []byte) error {
	tmp, err := writeTemp(path, data, Perm)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	if err := ctx.Err(); err != nil {
		return err
	}
	return link(tmp, path, data)
}

// Replace makes path hold data when it still holds old, the content the
// caller read and computed from. It fails with ErrChanged when the file holds
// anything else (it was edited, or removed) and with ErrReadOnly when it is
// read-only; a file that holds data already is left as it is. The new file
// keeps the old one's permissions.
func Replace(ctx context.Context, path string, old, data []byte) error {
	tmp, err := writeTemp(path, data, Perm)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	unlock, err := Lock(ctx, filepath.Dir(path))
	if err != nil {
		return err
	}
	defer unlock()
	if err := ctx.Err(); err != nil {
		return err
	}
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &fs.PathError{Op: "replace", Path: path, Err: ErrChanged}
	}
	if err != nil {
		return err
	}
	cur, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	switch {
	case bytes.Equal(cur, data):
		return nil
	case fi.Mode().Perm()&0o200 == 0:
		return &fs.PathError{Op: "replace", Path: path, Err: ErrReadOnly}
	case !bytes.Equal(cur, old):
		return &fs.PathError{Op: "replace", Path: path, Err: ErrChanged}
	}
	if err := os.Chmod(tmp, fi.Mode().Perm()); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// writeTemp writes data to a new temporary file next to path, synced and with
// mode perm, and returns its name. On failure nothing is left behind, and
// the error names path, not the temporary file: a read-only directory is
// about the file the user asked for.
func writeTemp(path string, data []byte, perm fs.FileMode) (name string, err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	removeStale(dir)
	f, err := createTemp(dir, "."+filepath.Base(path)+tempInfix+"*")
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return "", &fs.PathError{Op: "write", Path: path, Err: err}
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err := f.Write(data); err != nil {
		return "", err
	}
	if err := f.Sync(); err != nil {
		return "", err
	}
	if err := f.Chmod(perm); err != nil {
		return "", err
	}
	if err := f.Close(); err != nil {
		return "", err
	}
	return f.Name(), nil
}

// createTemp is os.CreateTemp; a test makes it fail as a read-only
// directory does (the tests may run as root, whom no mode stops).
var createTemp = os.CreateTemp

// tempInfix is what the name of a temporary file has between its target's
// name and a random number: ".alice.md.tmp123456".
const tempInfix = ".tmp"

// StaleAge is how old a temporary file must be for removeStale to take it
// for one that a process killed outright (kill -9, a power cut) left
// behind: a write takes milliseconds.
const StaleAge = 10 * time.Minute

// IsTemp reports whether name is the name of one of the temporary files
// this package writes: ".TARGET.tmpDIGITS".
func IsTemp(name string) bool {
	i := strings.LastIndex(name, tempInfix)
	if !strings.HasPrefix(name, ".") || i <= 1 || i+len(tempInfix) == len(name) {
		return false
	}
	for _, c := range name[i+len(tempInfix):] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// cleaned are the directories removeStale has cleaned in this process.
var cleaned sync.Map

// removeStale removes, once per directory and process, the temporary files
// in dir older than StaleAge: an interrupt removes its own, but kill -9
// cannot, and `git add plans` would commit them.
func removeStale(dir string) {
	if _, done := cleaned.LoadOrStore(dir, true); done {
		return
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || !IsTemp(e.Name()) {
			continue
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > StaleAge {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// link makes path a hard link to the finished temporary file tmp, or, where
// the file system has no hard links, creates path exclusively and writes data
// to it.
func link(tmp, path string, data []byte) error {
	err := os.Link(tmp, path)
	if err == nil || errors.Is(err, fs.ErrExist) {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, Perm)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(path)
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return err
	}
	return nil
}
