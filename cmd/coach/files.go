package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	pathpkg "path"
	"path/filepath"
	"strings"

	"github.com/coach-dev/coach/history"
	"github.com/coach-dev/coach/internal/atomicfile"
	"github.com/coach-dev/coach/skills"
	"github.com/go-git/go-git/v5"
)

// Every file coach writes goes through createFile or replaceFile, which
// hold the guarantees of package atomicfile: a new file is created
// exclusively (never over one that appeared meanwhile), a replacement happens
// only under a lock and only when the file still holds what coach read, a
// read-only file is never replaced, and an interrupt leaves each file old or
// new with no temporary file behind.

// notReplacedError is a file coach was asked to write and left alone: why,
// and what to do about it. It is a finding (exit 1); --all goes on with the
// others first.
type notReplacedError struct{ path, why, fix string }

func (e *notReplacedError) Error() string {
	return fmt.Sprintf("%s %s, so it was not replaced; %s", e.path, e.why, e.fix)
}

// leftAlone reports whether err is a file left alone (hand-edited,
// read-only, changed meanwhile, refused): the others of an --all run are
// still written.
func leftAlone(err error) bool {
	var (
		kept       *notReplacedError
		handEdited *handEditedError
		refused    *refusedError
	)
	return errors.As(err, &kept) || errors.As(err, &handEdited) || errors.As(err, &refused)
}

// refusedError is a file coach will neither read nor write: a symbolic
// link out of the repository, or in a directory that is one, something
// that is not a file, a file over its size limit.
type refusedError struct{ problem skills.Problem }

func (e *refusedError) Error() string { return e.problem.String() }

// readGenerated reads a file coach generates (a plan, team.md) to compare
// it with what coach would write, the way skill files are read: within
// skills.MaxGeneratedSize, and never through a symbolic link that leads out
// of the repository, to something that is not a file (/dev/zero), or
// through a directory that is such a link. ok is false when the file does
// not exist; a file refused is a *refusedError.
func readGenerated(root, rel string) (data []byte, ok bool, err error) {
	data, p, err := skills.ReadFile(root, rel, skills.MaxGeneratedSize, "a file coach generates")
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, false, nil
	case err != nil:
		return nil, false, err
	case p != nil:
		return nil, false, &refusedError{*p}
	}
	return data, true, nil
}

// checkWritable refuses to write rel (a slash path under root) through a
// directory that is a symbolic link out of the repository.
func checkWritable(root, rel string) error {
	p, err := skills.LinkedOutside(root, pathpkg.Dir(rel))
	if p != nil {
		return &refusedError{*p}
	}
	return err
}

// createFile makes file (shown as path) with data; it fails with
// fs.ErrExist when the file exists, whoever made it.
func createFile(ctx context.Context, file, path string, data []byte) error {
	if err := atomicfile.Create(ctx, file, data); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// replaceFile makes file (shown as path) hold data in place of old, what
// coach read there; again is the command that makes it once more. A file
// changed meanwhile or read-only is left alone, as a notReplacedError.
func replaceFile(ctx context.Context, file, path string, old, data []byte, again string) error {
	err := atomicfile.Replace(ctx, file, old, data)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, atomicfile.ErrReadOnly):
		return &notReplacedError{path, "is read-only",
			fmt.Sprintf("make it writable (chmod u+w %s) and run `%s` again, or leave it as it is", path, again)}
	case errors.Is(err, atomicfile.ErrChanged):
		return &notReplacedError{path, "changed while coach was writing it",
			fmt.Sprintf("check it, then run `%s` again", again)}
	}
	return notWritable(path, again, fmt.Errorf("write %s: %w", path, err))
}

// notWritable turns a failure to write path for lack of permission (a
// read-only directory, where the temporary file cannot be made) into a file
// left alone, named by its own path: --all goes on with the others and
// names them all. Any other error is returned as it is.
func notWritable(path, again string, err error) error {
	if !errors.Is(err, fs.ErrPermission) {
		return err
	}
	dir := pathpkg.Dir(filepath.ToSlash(path))
	return &notReplacedError{path, "cannot be written (permission denied in " + dir + "/)",
		fmt.Sprintf("make %s/ writable (chmod u+w %s) and run `%s` again", dir, dir, again)}
}

// writeOwned writes an output file the user named (a chart, a schema): a new
// file, or over one that ours says coach wrote, and never over anything
// else, which is left alone as notOurs says. again is the command that
// writes it.
func writeOwned(ctx context.Context, file string, data []byte, ours func(old []byte) bool, notOurs *notReplacedError, again string) error {
	if inGitDir(file) {
		return &usageError{msg: fmt.Sprintf("%s is inside a .git directory, which is git's own", file),
			hint: "write it elsewhere in the work tree, or outside the repository"}
	}
	old, err := readOwned(file)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		err := createFile(ctx, file, file, data)
		if errors.Is(err, fs.ErrExist) {
			return &notReplacedError{file, "appeared while coach was writing it", fmt.Sprintf("check it, then run `%s` again", again)}
		}
		return err
	case leftAlone(err):
		return err
	case err != nil:
		return fmt.Errorf("read %s: %w", file, err)
	case bytes.Equal(old, data):
		return nil
	case !ours(old):
		return notOurs
	}
	return replaceFile(ctx, file, file, old, data, again)
}

// readOwned reads an output file the user named before writing over it:
// only a regular file (a link is followed), and within
// skills.MaxGeneratedSize. /dev/zero would be read for ever, and a named
// pipe would wait for a writer.
func readOwned(file string) ([]byte, error) {
	fi, err := os.Stat(file)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, &notReplacedError{file, "is not a regular file (a device, a pipe or a directory)", "give a file name"}
	}
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	old, err := io.ReadAll(io.LimitReader(f, skills.MaxGeneratedSize+1))
	if err == nil && len(old) > skills.MaxGeneratedSize {
		return nil, &notReplacedError{file, "is larger than any file coach writes", "give a new file name, or move this file aside"}
	}
	return old, err
}

// inGitDir reports whether file is inside a .git directory, following
// symbolic links: git's own files are never coach's output.
func inGitDir(file string) bool {
	abs, err := filepath.Abs(file)
	if err != nil {
		return false
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	} else {
		// The file or directories above it do not exist yet: resolve what
		// does.
		for dir := filepath.Dir(abs); ; dir = filepath.Dir(dir) {
			if real, err := filepath.EvalSymlinks(dir); err == nil {
				rest, _ := filepath.Rel(dir, abs)
				abs = filepath.Join(real, rest)
				break
			}
			if filepath.Dir(dir) == dir {
				break
			}
		}
	}
	for _, part := range strings.Split(filepath.ToSlash(abs), "/") {
		if part == ".git" {
			return true
		}
	}
	return false
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
			if errors.Is(err, git.ErrUnknownExtension) || errors.Is(err, git.ErrUnsupportedExtensionRepositoryFormatVersion) {
				// One go-git cannot read (sha256): init needs only where it is.
				return history.WorkTree(d)
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
